package dev.tlog.merkle.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.testing.NaiveTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class CompactRangeProperties {

  @Property(tries = 40)
  void rootMatchesNaiveTreeForLargerSizes(@ForAll @IntRange(min = 2049, max = 9000) int n) {
    List<Hash> leaves = NaiveTree.leafHashes(n);
    CompactRange range = CompactRange.empty(0);
    range.appendAll(leaves, null);
    assertEquals(new NaiveTree(leaves).mth(0, n), range.root());
  }

  @Property(tries = 300)
  void mergingRandomSplitsEqualsOneRangeAndVisitsEachNodeOnce(
      @ForAll @IntRange(min = 0, max = 300) int begin,
      @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 90) Integer> pieceSizes,
      @ForAll long seed) {
    int end = begin + pieceSizes.stream().mapToInt(Integer::intValue).sum();
    NaiveTree naive = new NaiveTree(NaiveTree.leafHashes(end));
    Map<NodeId, Hash> seen = new HashMap<>();
    NodeVisitor record = (id, h) -> assertNull(seen.put(id, h), "visited twice: " + id);

    List<CompactRange> pieces = new ArrayList<>();
    int at = begin;
    for (int size : pieceSizes) {
      CompactRange piece = CompactRange.empty(at);
      for (int i = at; i < at + size; i++) {
        piece.append(naive.leaf(i), record);
      }
      pieces.add(piece);
      at += size;
    }
    if (pieces.isEmpty()) {
      pieces.add(CompactRange.empty(begin));
    }
    // Merge adjacent pairs in random order, so both sides take every shape.
    Random random = new Random(seed);
    while (pieces.size() > 1) {
      int i = random.nextInt(pieces.size() - 1);
      pieces.get(i).merge(pieces.remove(i + 1), record);
    }
    CompactRange merged = pieces.get(0);

    CompactRange single = CompactRange.empty(begin);
    for (int i = begin; i < end; i++) {
      single.append(naive.leaf(i), null);
    }
    assertEquals(single.hashes(), merged.hashes());
    assertEquals(end, merged.end());
    List<NodeId> ids = CompactRange.decompose(begin, end);
    for (int i = 0; i < ids.size(); i++) {
      NodeId id = ids.get(i);
      assertEquals(naive.mth((int) id.firstLeaf(), (int) id.endLeaf()), merged.hashes().get(i));
    }
    int expected = 0;
    for (int level = 0; (1 << level) <= end; level++) {
      for (int index = 0; (index + 1) << level <= end; index++) {
        NodeId id = new NodeId(level, index);
        if (id.firstLeaf() >= begin) {
          assertEquals(naive.mth((int) id.firstLeaf(), (int) id.endLeaf()), seen.get(id));
          expected++;
        }
      }
    }
    assertEquals(expected, seen.size());
  }

  @Property
  void decompositionTilesTheRangeWithMaximalNodes(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long begin,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long length) {
    long end = begin + length;
    List<NodeId> ids = CompactRange.decompose(begin, end);
    long at = begin;
    for (NodeId id : ids) {
      assertEquals(at, id.firstLeaf());
      // Maximal: the parent is not inside the range.
      NodeId parent = new NodeId(id.level() + 1, id.index() >>> 1);
      assertTrue(parent.firstLeaf() < begin || parent.endLeaf() > end || parent.endLeaf() < 0);
      at = id.endLeaf();
    }
    assertEquals(end, at);
    assertTrue(ids.size() <= 2 * 63);
  }
}
