package dev.tlog.merkle.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.testing.CountingReader;
import dev.tlog.merkle.testing.NaiveTree;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeRootTest {
  private static final int MAX = 64;
  private final NaiveTree naive = new NaiveTree(NaiveTree.leafHashes(MAX));
  private final MemoryHashStore store = MemoryHashStore.of(NaiveTree.leafHashes(MAX));

  @Test
  void treeRootMatchesNaiveWithOneRead() {
    assertEquals(TreeHasher.emptyRoot(), Proofs.treeRoot(0, store));
    for (int n = 1; n <= MAX; n++) {
      CountingReader reader = new CountingReader(store);
      assertEquals(naive.mth(0, n), Proofs.treeRoot(n, reader));
      assertEquals(1, reader.calls());
      assertTrue(reader.nodes() <= 7);
    }
    assertEquals(naive.mth(0, MAX), store.root());
    assertEquals(MAX, store.size());
  }

  @Test
  void subtreeHashCoversEveryNodeOfEveryTree() {
    for (int begin = 0; begin < MAX; begin++) {
      for (int end = begin + 1; end <= MAX; end++) {
        int width = end - begin;
        int ceil = width == 1 ? 1 : Integer.highestOneBit(width - 1) << 1;
        if (begin % ceil == 0) {
          assertEquals(
              naive.mth(begin, end), Proofs.subtreeHash(begin, end, store), begin + "," + end);
        } else {
          int b = begin;
          int e = end;
          assertThrows(IndexOutOfRangeException.class, () -> Proofs.subtreeHash(b, e, store));
        }
      }
    }
    assertThrows(IndexOutOfRangeException.class, () -> Proofs.subtreeHash(3, 3, store));
    assertThrows(IndexOutOfRangeException.class, () -> Proofs.treeRoot(-1, store));
  }

  @Test
  void memoryStoreServesOnlyCompleteSubtrees() {
    assertEquals(List.of(naive.mth(0, 64)), store.readHashes(List.of(new NodeId(6, 0))));
    assertThrows(HashNotFoundException.class, () -> store.readHashes(List.of(new NodeId(6, 1))));
    assertThrows(HashNotFoundException.class, () -> store.readHashes(List.of(new NodeId(7, 0))));
    assertThrows(HashNotFoundException.class, () -> store.readHashes(List.of(new NodeId(0, 64))));
  }

  @Test
  void readerReturningTheWrongCountIsReported() {
    HashReader broken = ids -> List.of();
    assertThrows(HashNotFoundException.class, () -> Proofs.treeRoot(5, broken));
  }
}
