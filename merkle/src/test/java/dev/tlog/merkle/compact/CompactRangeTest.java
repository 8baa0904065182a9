package dev.tlog.merkle.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.testing.NaiveTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactRangeTest {
  private static final int MAX = 2048;

  @Test
  void rootMatchesNaiveTreeForEverySizeUpTo2048() {
    NaiveTree naive = new NaiveTree(NaiveTree.leafHashes(MAX));
    CompactRange range = CompactRange.empty(0);
    assertEquals(TreeHasher.emptyRoot(), range.root());
    for (int n = 1; n <= MAX; n++) {
      range.append(naive.leaf(n - 1), null);
      assertEquals(naive.mth(0, n), range.root(), "size " + n);
      assertEquals(CompactRange.decompose(0, n).size(), range.hashes().size(), "size " + n);
    }
  }

  @Test
  void visitorSeesEveryCompleteSubtreeOnceWithItsHash() {
    int n = 300;
    NaiveTree naive = new NaiveTree(NaiveTree.leafHashes(n));
    Map<NodeId, Hash> seen = new HashMap<>();
    CompactRange range = CompactRange.empty(0);
    range.appendAll(
        NaiveTree.leafHashes(n),
        (id, h) -> assertEquals(null, seen.put(id, h), "visited twice: " + id));
    int expected = 0;
    for (int level = 0; (1 << level) <= n; level++) {
      for (int index = 0; (index + 1) << level <= n; index++) {
        NodeId id = new NodeId(level, index);
        assertEquals(naive.mth(index << level, (index + 1) << level), seen.get(id), "" + id);
        expected++;
      }
    }
    assertEquals(expected, seen.size());
  }

  @Test
  void decomposeGivesMaximalSubtreesLeftToRight() {
    assertEquals(List.of(), CompactRange.decompose(5, 5));
    assertEquals(
        List.of(new NodeId(2, 0), new NodeId(1, 2), new NodeId(0, 6)),
        CompactRange.decompose(0, 7));
    assertEquals(
        List.of(new NodeId(0, 3), new NodeId(2, 1), new NodeId(2, 2), new NodeId(0, 12)),
        CompactRange.decompose(3, 13));
    assertEquals(63, CompactRange.decompose(0, Long.MAX_VALUE).size());
    assertEquals(
        List.of(new NodeId(0, Long.MAX_VALUE - 1)),
        CompactRange.decompose(Long.MAX_VALUE - 1, Long.MAX_VALUE));
  }

  @Test
  void decomposeRejectsInvalidBounds() {
    assertThrows(InvalidRangeException.class, () -> CompactRange.decompose(4, 3));
    assertThrows(InvalidRangeException.class, () -> CompactRange.decompose(-1, 3));
    assertThrows(InvalidRangeException.class, () -> CompactRange.empty(-1));
  }

  @Test
  void ofChecksTheHashCount() {
    List<Hash> three = NaiveTree.leafHashes(3);
    CompactRange r = CompactRange.of(0, 7, three);
    assertEquals(three, r.hashes());
    InvalidRangeException e =
        assertThrows(InvalidRangeException.class, () -> CompactRange.of(0, 8, three));
    assertEquals("range [0, 8) has 1 compact hashes, got 3", e.getMessage());
  }

  @Test
  void rootNeedsARangeStartingAtZero() {
    CompactRange r = CompactRange.empty(4);
    r.append(TreeHasher.emptyRoot(), null);
    assertThrows(InvalidRangeException.class, r::root);
  }

  @Test
  void mergeRejectsNonAdjacentRangesWithoutChangingState() {
    CompactRange left = CompactRange.empty(0);
    left.appendAll(NaiveTree.leafHashes(5), null);
    CompactRange right = CompactRange.empty(6);
    right.append(TreeHasher.emptyRoot(), null);
    CompactRange before = left.copy();
    NonAdjacentRangeException e =
        assertThrows(NonAdjacentRangeException.class, () -> left.merge(right, null));
    assertEquals(6, e.got());
    assertEquals(5, e.want());
    assertEquals(before.hashes(), left.hashes());
    assertEquals(before.end(), left.end());
  }

  @Test
  void mergeVisitsOnlyNewNodes() {
    List<Hash> leaves = NaiveTree.leafHashes(8);
    CompactRange left = CompactRange.empty(0);
    left.appendAll(leaves.subList(0, 3), null);
    CompactRange right = CompactRange.empty(3);
    right.appendAll(leaves.subList(3, 8), null);
    List<NodeId> visited = new ArrayList<>();
    left.merge(right, (id, h) -> visited.add(id));
    assertEquals(List.of(new NodeId(1, 1), new NodeId(2, 0), new NodeId(3, 0)), visited);
    assertEquals(new NaiveTree(leaves).mth(0, 8), left.root());
  }

  @Test
  void copyIsIndependent() {
    CompactRange a = CompactRange.empty(0);
    a.append(TreeHasher.emptyRoot(), null);
    CompactRange b = a.copy();
    b.append(TreeHasher.emptyRoot(), null);
    assertEquals(1, a.end());
    assertEquals(2, b.end());
  }

  @Test
  void appendStopsAtTheLastAddressableLeaf() {
    CompactRange full = CompactRange.empty(Long.MAX_VALUE);
    assertThrows(InvalidRangeException.class, () -> full.append(TreeHasher.emptyRoot(), null));
    CompactRange nearlyFull = CompactRange.empty(Long.MAX_VALUE - 1);
    nearlyFull.append(TreeHasher.emptyRoot(), null);
    assertEquals(Long.MAX_VALUE, nearlyFull.end());
  }
}
