package dev.tlog.merkle.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.testing.NaiveTree;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class HashChainProperties {
  @Property(tries = 200)
  void extendingInTwoPiecesEqualsExtendingOnce(
      @ForAll @IntRange(min = 0, max = 200) int n, @ForAll @IntRange(min = 0, max = 200) int cut) {
    List<Hash> leaves = NaiveTree.leafHashes(n);
    int k = Math.min(cut, n);
    Hash mid = HashChain.extend(Hash.ZERO, leaves.subList(0, k));
    Hash whole = HashChain.extend(Hash.ZERO, leaves);
    assertEquals(whole, HashChain.extend(mid, leaves.subList(k, n)));
    ChainBuilder b = ChainBuilder.resume(k, mid);
    leaves.subList(k, n).forEach(b::append);
    assertEquals(whole, b.head());
  }
}
