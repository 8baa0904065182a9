package dev.tlog.merkle.chain;

import static dev.tlog.merkle.testing.Mutations.flip;
import static dev.tlog.merkle.testing.Mutations.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.testing.NaiveTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {
  private final List<Hash> leaves = NaiveTree.leafHashes(12);

  @Test
  void knownAnswerForTheFirstTwoReferenceEntries() {
    Hash l0 = TreeHasher.leafHash(new byte[0]);
    Hash l1 = TreeHasher.leafHash(new byte[] {0});
    Hash c0 = HashChain.next(Hash.ZERO, l0);
    assertEquals(
        Hash.fromHex("64fdb2b463190df45dc976206ce8111d8c83680ddeb86778b7f9982d6822de6a"), c0);
    assertEquals(
        Hash.fromHex("b2a197c1040efc49768b090e1eb1c9125575ba723376d89f2368a012285429dd"),
        HashChain.next(c0, l1));
  }

  @Test
  void stepIsSha256OfTheConcatenationWithoutPrefix() throws Exception {
    byte[] in = new byte[64];
    leaves.get(0).copyTo(in, 0);
    leaves.get(1).copyTo(in, 32);
    Hash want = Hash.of(TreeHasher.sha256().digest(in));
    assertEquals(want, HashChain.next(leaves.get(0), leaves.get(1)));
  }

  @Test
  void incrementalEqualsBatchAtEverySplit() {
    Hash whole = HashChain.extend(HashChain.initial(), leaves);
    ChainBuilder b = ChainBuilder.empty();
    for (int i = 0; i < leaves.size(); i++) {
      Hash mid = HashChain.extend(HashChain.initial(), leaves.subList(0, i));
      assertEquals(mid, b.head());
      assertEquals(i, b.size());
      assertEquals(whole, HashChain.extend(mid, leaves.subList(i, leaves.size())));
      HashChain.checkSegment(mid, leaves.subList(i, leaves.size()), whole);
      b.append(leaves.get(i));
    }
    assertEquals(whole, b.head());
    ChainBuilder resumed =
        ChainBuilder.resume(5, HashChain.extend(Hash.ZERO, leaves.subList(0, 5)));
    assertEquals(whole, resumed.appendAll(leaves.subList(5, leaves.size())));
    assertEquals(leaves.size(), resumed.size());
    assertEquals(Hash.ZERO, HashChain.extend(Hash.ZERO, List.of()));
  }

  @Test
  void segmentCheckDetectsEveryMutation() {
    Hash before = HashChain.extend(Hash.ZERO, leaves.subList(0, 3));
    List<Hash> segment = leaves.subList(3, 9);
    Hash after = HashChain.extend(before, segment);
    for (int k = 0; k < segment.size(); k++) {
      for (int b = 0; b < Hash.SIZE; b++) {
        List<Hash> bad = replace(segment, k, flip(segment.get(k), b, 1 << (b % 8)));
        assertMismatch(before, bad, after);
      }
    }
    for (int b = 0; b < Hash.SIZE; b++) {
      assertMismatch(flip(before, b, 0x10), segment, after);
      ChainMismatchException e = assertMismatch(before, segment, flip(after, b, 0x10));
      assertEquals(after, e.computed());
      assertEquals(flip(after, b, 0x10), e.expected());
    }
    assertMismatch(before, segment.subList(0, 5), after);
    assertMismatch(before, segment.subList(1, 6), after);
    List<Hash> extra = new ArrayList<>(segment);
    extra.add(leaves.get(9));
    assertMismatch(before, extra, after);
    List<Hash> swapped = new ArrayList<>(segment);
    Collections.swap(swapped, 2, 3);
    assertMismatch(before, swapped, after);
  }

  @Test
  void resumingAnEmptyChainNeedsTheInitialHead() {
    assertThrows(ChainMismatchException.class, () -> ChainBuilder.resume(0, leaves.get(0)));
    assertThrows(IllegalArgumentException.class, () -> ChainBuilder.resume(-1, Hash.ZERO));
  }

  private static ChainMismatchException assertMismatch(Hash before, List<Hash> seg, Hash after) {
    return assertThrows(
        ChainMismatchException.class, () -> HashChain.checkSegment(before, seg, after));
  }
}
