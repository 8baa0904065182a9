package dev.tlog.witness.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Prefix proofs agree with the merkle library and expose a diverging prefix. */
class PrefixProofProperties {
  private static MemoryHashStore tree(int size, int divergeAt) {
    MemoryHashStore s = new MemoryHashStore();
    for (int i = 0; i < size; i++) {
      int tag = i >= divergeAt ? -1 - i : i;
      s.append(TreeHasher.leafHash(ByteBuffer.allocate(4).putInt(tag).array()));
    }
    return s;
  }

  private static Hash rootAt(int size, int divergeAt) {
    return tree(size, divergeAt).root();
  }

  @Property(tries = 300)
  void foldGivesBothRootsOfOneTree(
      @ForAll @IntRange(min = 1, max = 700) int first,
      @ForAll @IntRange(min = 1, max = 700) int d) {
    int second = first + d;
    MemoryHashStore store = tree(second, Integer.MAX_VALUE);
    List<Hash> proof = PrefixProof.prove(first, second, store);
    PrefixProof.Roots roots = PrefixProof.fold(first, second, proof);
    assertEquals(rootAt(first, Integer.MAX_VALUE), roots.first());
    assertEquals(store.root(), roots.second());
    // Without an explicit seed it is exactly the library's RFC 9162 proof, which verifies.
    ConsistencyProof rfc = Proofs.proveConsistency(first, second, store);
    Proofs.checkConsistency(rfc, roots.first(), roots.second());
    PrefixProof.fromConsistencyProof(rfc).ifPresent(p -> assertEquals(proof, p));
  }

  @Property(tries = 300)
  void aDivergedTreeGivesAnotherPrefixRoot(
      @ForAll @IntRange(min = 1, max = 500) int first,
      @ForAll @IntRange(min = 1, max = 500) int d,
      @ForAll @IntRange(min = 0, max = 499) int divergeAt) {
    int second = first + d;
    int at = divergeAt % first; // diverges inside the first tree
    MemoryHashStore forked = tree(second, at);
    PrefixProof.Roots roots =
        PrefixProof.fold(first, second, PrefixProof.prove(first, second, forked));
    assertEquals(forked.root(), roots.second());
    assertNotEquals(rootAt(first, Integer.MAX_VALUE), roots.first());
    assertEquals(rootAt(first, at), roots.first());
  }
}
