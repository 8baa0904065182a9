package dev.tlog.merkle.proof;

import static dev.tlog.merkle.testing.Mutations.flip;
import static dev.tlog.merkle.testing.Mutations.plus;
import static dev.tlog.merkle.testing.Mutations.replace;
import static dev.tlog.merkle.testing.Mutations.withoutLast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.testing.CountingReader;
import dev.tlog.merkle.testing.NaiveTree;
import dev.tlog.merkle.testing.PathShapes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyProofTest {
  private static final int MAX = 64;
  private final NaiveTree naive = new NaiveTree(NaiveTree.leafHashes(MAX));
  private final MemoryHashStore store = MemoryHashStore.of(NaiveTree.leafHashes(MAX));

  @Test
  void everyProofUpTo64EqualsNaiveProofAndVerifies() {
    for (int n = 0; n <= MAX; n++) {
      for (int m = 0; m <= n; m++) {
        CountingReader reader = new CountingReader(store);
        ConsistencyProof p = Proofs.proveConsistency(m, n, reader);
        String at = m + " -> " + n;
        List<Hash> want = m == 0 || m == n ? List.of() : naive.proof(m, n);
        assertEquals(want, p.hashes(), at);
        assertEquals(Proofs.consistencyProofSize(m, n), p.hashes().size(), at);
        assertTrue(reader.calls() <= 1, at);
        assertTrue(reader.nodes() <= 2 * 7 + 1, at);
        Proofs.checkConsistency(p, naive.mth(0, m), naive.mth(0, n));
      }
    }
  }

  @Test
  void mutationsOfNonTrivialProofsAreRejected() {
    for (int n = 2; n <= MAX; n++) {
      Hash second = naive.mth(0, n);
      for (int m = 1; m < n; m++) {
        Hash first = naive.mth(0, m);
        ConsistencyProof p = Proofs.proveConsistency(m, n, store);
        List<Hash> h = p.hashes();
        for (int k = 0; k < h.size(); k++) {
          for (int b = 0; b < Hash.SIZE; b++) {
            if (n > 16 && b != (m + n + k) % Hash.SIZE) {
              continue;
            }
            ConsistencyProof bad =
                new ConsistencyProof(m, n, replace(h, k, flip(h.get(k), b, 1 << (b % 8))));
            assertThrows(
                RootMismatchException.class, () -> Proofs.checkConsistency(bad, first, second));
          }
        }
        int b = (m * 5 + n) % Hash.SIZE;
        assertThrows(
            RootMismatchException.class,
            () -> Proofs.checkConsistency(p, flip(first, b, 4), second));
        assertThrows(
            RootMismatchException.class,
            () -> Proofs.checkConsistency(p, first, flip(second, b, 4)));
        assertThrows(RootMismatchException.class, () -> Proofs.checkConsistency(p, second, first));
        rejects(new ConsistencyProof(m, n, withoutLast(h)), first, second);
        rejects(new ConsistencyProof(m, n, plus(h, second)), first, second);
        rejects(new ConsistencyProof(m, n, h.subList(1, h.size())), first, second);
        rejects(new ConsistencyProof(m, n, List.of()), first, second);
        for (long[] sizes :
            new long[][] {
              {m - 1, n}, {m + 1, n}, {m ^ 2, n}, {m, n + 1}, {m, n - 1}, {m, 2L * n}, {m, n / 2}
            }) {
          if (sizes[0] != m || sizes[1] != n) {
            rejectsUnlessSameShape(
                new ConsistencyProof(sizes[0], sizes[1], h), m, n, first, second);
          }
        }
      }
    }
  }

  @Test
  void edgeCasesFollowTheDocumentedRules() {
    Hash empty = TreeHasher.emptyRoot();
    Hash r5 = naive.mth(0, 5);
    Proofs.checkConsistency(new ConsistencyProof(0, 0, List.of()), empty, empty);
    Proofs.checkConsistency(new ConsistencyProof(0, 5, List.of()), empty, r5);
    Proofs.checkConsistency(new ConsistencyProof(5, 5, List.of()), r5, r5);
    assertThrows(
        RootMismatchException.class,
        () -> Proofs.checkConsistency(new ConsistencyProof(0, 0, List.of()), empty, r5));
    assertThrows(
        RootMismatchException.class,
        () -> Proofs.checkConsistency(new ConsistencyProof(0, 5, List.of()), r5, r5));
    RootMismatchException e =
        assertThrows(
            RootMismatchException.class,
            () -> Proofs.checkConsistency(new ConsistencyProof(5, 5, List.of()), r5, empty));
    assertEquals(r5, e.computed());
    assertEquals(empty, e.expected());
    assertThrows(
        ProofLengthException.class,
        () -> Proofs.checkConsistency(new ConsistencyProof(0, 5, List.of(r5)), empty, r5));
    assertThrows(
        ProofLengthException.class,
        () -> Proofs.checkConsistency(new ConsistencyProof(5, 5, List.of(r5)), r5, r5));
    IndexOutOfRangeException range =
        assertThrows(
            IndexOutOfRangeException.class,
            () -> Proofs.checkConsistency(new ConsistencyProof(6, 5, List.of()), r5, r5));
    assertEquals(
        "consistency from size 6 to size 5: want 0 <= first <= second", range.getMessage());
    assertThrows(IndexOutOfRangeException.class, () -> Proofs.proveConsistency(-1, 5, store));
    assertThrows(IndexOutOfRangeException.class, () -> Proofs.proveConsistency(3, 2, store));
  }

  private static void rejects(ConsistencyProof p, Hash first, Hash second) {
    String at = p.first() + " -> " + p.second() + " with " + p.hashes().size() + " hashes";
    ProofException e =
        assertThrows(ProofException.class, () -> Proofs.checkConsistency(p, first, second), at);
    if (p.first() < 0 || p.first() > p.second()) {
      assertTrue(e instanceof IndexOutOfRangeException, at);
    } else if (Proofs.consistencyProofSize(p.first(), p.second()) != p.hashes().size()) {
      assertTrue(e instanceof ProofLengthException, at);
    } else {
      assertTrue(e instanceof RootMismatchException, at);
    }
  }

  /** Wrong sizes are rejected unless the proof has exactly the same shape for them. */
  private static void rejectsUnlessSameShape(
      ConsistencyProof p, long m, long n, Hash first, Hash second) {
    if (p.first() > 0
        && p.first() < p.second()
        && PathShapes.consistency(p.first(), p.second()).equals(PathShapes.consistency(m, n))) {
      Proofs.checkConsistency(p, first, second);
    } else {
      rejects(p, first, second);
    }
  }
}
