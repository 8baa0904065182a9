package dev.tlog.merkle.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.testing.Mutations;
import dev.tlog.merkle.testing.NaiveTree;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link Proofs#checkRange} against the naive tree: every range verifies, every wrong leaf fails.
 */
class RangeProofTest {
  private static final int MAX = 3000;
  private final NaiveTree naive = new NaiveTree(NaiveTree.leafHashes(MAX));
  private final MemoryHashStore store = MemoryHashStore.of(NaiveTree.leafHashes(MAX));

  @Test
  void everyRangeOfSmallTreesVerifiesAndEveryWrongLeafFails() {
    for (int n = 1; n <= 24; n++) {
      for (int b = 0; b < n; b++) {
        for (int e = b + 1; e <= n; e++) {
          List<Hash> leaves = leaves(b, e);
          check(b, leaves, n);
          for (int i = 0; i < leaves.size(); i++) {
            List<Hash> bad = Mutations.replace(leaves, i, Mutations.flip(leaves.get(i), 0, 1));
            int fb = b;
            int fn = n;
            assertThrows(RootMismatchException.class, () -> check(fb, bad, fn));
          }
          if (e < n) {
            // The same leaves claimed one position later fail too.
            int fb = b;
            int fn = n;
            assertThrows(RootMismatchException.class, () -> check(fb + 1, leaves, fn));
          }
        }
      }
    }
  }

  @Property(tries = 200)
  void largeRangesVerify(
      @ForAll @IntRange(min = 65, max = MAX) int n,
      @ForAll @IntRange(min = 0, max = MAX) int x,
      @ForAll @IntRange(min = 1, max = MAX) int k) {
    int b = x % n;
    int e = b + 1 + (k - 1) % (n - b);
    List<Hash> leaves = leaves(b, e);
    check(b, leaves, n);
    int i = k % leaves.size();
    List<Hash> bad = Mutations.replace(leaves, i, Mutations.flip(leaves.get(i), 31, 0x80));
    assertThrows(RootMismatchException.class, () -> check(b, bad, n));
  }

  @Test
  void prefixFromInclusionIsTheCompactRangeLeftOfTheLeaf() {
    for (int n = 1; n <= 40; n++) {
      for (int i = 0; i < n; i++) {
        var prefix = Proofs.prefixFromInclusion(Proofs.proveInclusion(i, n, store));
        assertEquals(i, prefix.end());
        if (i > 0) {
          assertEquals(naive.mth(0, i), prefix.root());
        }
      }
    }
  }

  @Test
  void mismatchedProofsAreRejectedBeforeAnyHashing() {
    List<Hash> leaves = leaves(3, 5);
    InclusionProof first = Proofs.proveInclusion(2, 9, store);
    ConsistencyProof toRoot = Proofs.proveConsistency(5, 9, store);
    assertThrows(
        IndexOutOfRangeException.class,
        () -> Proofs.checkRange(3, leaves, first, toRoot, naive.mth(0, 9)));
  }

  private List<Hash> leaves(int b, int e) {
    List<Hash> out = new ArrayList<>();
    for (int i = b; i < e; i++) {
      out.add(naive.leaf(i));
    }
    return out;
  }

  private void check(long b, List<Hash> leaves, int n) {
    Proofs.checkRange(
        b,
        leaves,
        Proofs.proveInclusion(b, n, store),
        Proofs.proveConsistency(b + leaves.size(), n, store),
        naive.mth(0, n));
  }
}
