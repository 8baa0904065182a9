package dev.tlog.merkle.proof;

import static dev.tlog.merkle.testing.Mutations.flip;
import static dev.tlog.merkle.testing.Mutations.plus;
import static dev.tlog.merkle.testing.Mutations.replace;
import static dev.tlog.merkle.testing.Mutations.withoutLast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.testing.CountingReader;
import dev.tlog.merkle.testing.NaiveTree;
import dev.tlog.merkle.testing.PathShapes;
import java.util.List;
import org.junit.jupiter.api.Test;

class InclusionProofTest {
  private static final int MAX = 64;
  private final NaiveTree naive = new NaiveTree(NaiveTree.leafHashes(MAX));
  private final MemoryHashStore store = MemoryHashStore.of(NaiveTree.leafHashes(MAX));

  @Test
  void everyProofUpTo64EqualsNaivePathAndVerifies() {
    for (int n = 1; n <= MAX; n++) {
      Hash root = naive.mth(0, n);
      for (int i = 0; i < n; i++) {
        CountingReader reader = new CountingReader(store);
        InclusionProof p = Proofs.proveInclusion(i, n, reader);
        String at = "index " + i + " size " + n;
        assertEquals(naive.path(i, n), p.hashes(), at);
        assertEquals(Proofs.inclusionProofSize(i, n), p.hashes().size(), at);
        assertTrue(reader.calls() <= 1, at);
        assertTrue(reader.nodes() <= 2 * 7, at);
        assertEquals(root, Proofs.rootFromInclusion(p, naive.leaf(i)), at);
        Proofs.checkInclusion(p, naive.leaf(i), root);
      }
    }
  }

  @Test
  void everySingleByteMutationIsRejected() {
    for (int n = 1; n <= MAX; n++) {
      Hash root = naive.mth(0, n);
      for (int i = 0; i < n; i++) {
        InclusionProof p = Proofs.proveInclusion(i, n, store);
        Hash leaf = naive.leaf(i);
        // Every byte for small trees, one rotating byte per hash beyond.
        for (int k = 0; k < p.hashes().size(); k++) {
          for (int b = 0; b < Hash.SIZE; b++) {
            if (n > 16 && b != (i + n + k) % Hash.SIZE) {
              continue;
            }
            List<Hash> bad = replace(p.hashes(), k, flip(p.hashes().get(k), b, 1 << (b % 8)));
            assertMismatch(new InclusionProof(i, n, bad), leaf, root);
          }
        }
        int b = (i * 7 + n) % Hash.SIZE;
        assertMismatch(p, flip(leaf, b, 0x80), root);
        RootMismatchException e = assertMismatch(p, leaf, flip(root, b, 0x01));
        assertEquals(root, e.computed());
        assertEquals(flip(root, b, 0x01), e.expected());
      }
    }
  }

  @Test
  void missingExtraHashesAndWrongPositionsAreRejected() {
    for (int n = 1; n <= MAX; n++) {
      Hash root = naive.mth(0, n);
      for (int i = 0; i < n; i++) {
        InclusionProof p = Proofs.proveInclusion(i, n, store);
        Hash leaf = naive.leaf(i);
        if (!p.hashes().isEmpty()) {
          assertLength(new InclusionProof(i, n, withoutLast(p.hashes())), leaf, root);
        }
        assertLength(new InclusionProof(i, n, plus(p.hashes(), root)), leaf, root);
        for (long j : new long[] {i - 1, i + 1, i ^ 2}) {
          if (j != i) {
            rejectsUnlessSameShape(new InclusionProof(j, n, p.hashes()), i, n, leaf, root);
          }
        }
        for (long size : new long[] {n - 1, n + 1, 2L * n, n / 2}) {
          rejectsUnlessSameShape(new InclusionProof(i, size, p.hashes()), i, n, leaf, root);
        }
      }
    }
  }

  @Test
  void rangesAreCheckedFirstAndNamed() {
    IndexOutOfRangeException e =
        assertThrows(
            IndexOutOfRangeException.class,
            () ->
                Proofs.checkInclusion(
                    new InclusionProof(8, 8, List.of()), naive.leaf(0), naive.leaf(0)));
    assertEquals(
        "index 8 out of range for tree size 8: want 0 <= index < treeSize", e.getMessage());
    assertThrows(IndexOutOfRangeException.class, () -> Proofs.proveInclusion(0, 0, store));
    assertThrows(IndexOutOfRangeException.class, () -> Proofs.proveInclusion(-1, 5, store));
    assertThrows(IndexOutOfRangeException.class, () -> Proofs.inclusionProofSize(3, 2));
    ProofLengthException len =
        assertThrows(
            ProofLengthException.class,
            () ->
                Proofs.checkInclusion(
                    new InclusionProof(5, 8, List.of()), naive.leaf(5), naive.leaf(5)));
    assertEquals(0, len.got());
    assertEquals(3, len.want());
  }

  @Test
  void theProofDoesNotBindTheSizeWhenThePathShapeIsTheSame() {
    // PATH(0, D[3]) = [l1, l2] also fits a 4-leaf tree whose right pair hashes to l2; only the
    // signed (size, root) pair rules that tree out.
    InclusionProof p = Proofs.proveInclusion(0, 3, store);
    Proofs.checkInclusion(new InclusionProof(0, 4, p.hashes()), naive.leaf(0), naive.mth(0, 3));
  }

  @Test
  void proverFailsWhenTheReaderLacksNodes() {
    assertThrows(HashNotFoundException.class, () -> Proofs.proveInclusion(3, MAX + 1, store));
  }

  private static void rejects(InclusionProof p, Hash leaf, Hash root) {
    String at = p.index() + "/" + p.treeSize();
    ProofException e =
        assertThrows(ProofException.class, () -> Proofs.checkInclusion(p, leaf, root), at);
    if (p.index() < 0 || p.index() >= p.treeSize()) {
      assertTrue(e instanceof IndexOutOfRangeException, at);
    } else if (Proofs.inclusionProofSize(p.index(), p.treeSize()) != p.hashes().size()) {
      assertTrue(e instanceof ProofLengthException, at);
    } else {
      assertTrue(e instanceof RootMismatchException, at);
    }
  }

  /** A wrong index or size is rejected unless its path has exactly the same shape. */
  private static void rejectsUnlessSameShape(
      InclusionProof p, long realIndex, long realSize, Hash leaf, Hash root) {
    if (p.index() >= 0
        && p.index() < p.treeSize()
        && PathShapes.inclusion(p.index(), p.treeSize())
            .equals(PathShapes.inclusion(realIndex, realSize))) {
      Proofs.checkInclusion(p, leaf, root);
    } else {
      rejects(p, leaf, root);
    }
  }

  private static RootMismatchException assertMismatch(InclusionProof p, Hash leaf, Hash root) {
    return assertThrows(
        RootMismatchException.class,
        () -> Proofs.checkInclusion(p, leaf, root),
        p.index() + "/" + p.treeSize());
  }

  private static void assertLength(InclusionProof p, Hash leaf, Hash root) {
    assertThrows(ProofLengthException.class, () -> Proofs.checkInclusion(p, leaf, root));
  }
}
