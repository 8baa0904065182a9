package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class TileMathProperties {
  /**
   * Naive: walk every complete node at levels 0, 8, 16, ... and group them 256 to a tile; the tile
   * list must be exactly that, in the same order, with widths counting the nodes.
   */
  @Property(tries = 300)
  void tilesForSizeCoversExactlyTheCompleteNodesAtTileLevels(@ForAll("sizes") long n) {
    List<TileId> want = new ArrayList<>();
    for (int level = 0; level <= 56; level += 8) {
      Map<Long, Integer> widths = new LinkedHashMap<>();
      for (long i = 0; (i + 1) << level <= n; i++) {
        widths.merge(i / 256, 1, Integer::sum);
      }
      int tileLevel = level / 8;
      widths.forEach((idx, w) -> want.add(new TileId(tileLevel, idx, w)));
    }
    List<TileId> got = TileMath.tilesForSize(n);
    assertEquals(want, got);
    for (TileId t : got) {
      assertEquals(t.width(), TileMath.widthAt(t.level(), t.index(), n), t.path());
    }
  }

  @Property(tries = 300)
  void fullTilesNeverChangeAsTheTreeGrows(
      @ForAll("sizes") long n, @ForAll @LongRange(min = 0, max = 70_000) long k) {
    Set<TileId> later = Set.copyOf(TileMath.tilesForSize(n + k));
    for (TileId t : TileMath.tilesForSize(n)) {
      if (t.isFull()) {
        assertTrue(later.contains(t), t + " at size " + n + " missing at size " + (n + k));
      }
    }
  }

  @Property(tries = 300)
  void newTilesAreTheTilesThatChanged(
      @ForAll("sizes") long n, @ForAll @LongRange(min = 0, max = 70_000) long k) {
    Set<TileId> before = Set.copyOf(TileMath.tilesForSize(n));
    List<TileId> want =
        TileMath.tilesForSize(n + k).stream()
            .filter(t -> !before.contains(t))
            .collect(Collectors.toList());
    assertEquals(want, TileMath.newTiles(n, n + k));
    List<EntryBundleId> bundles =
        want.stream()
            .filter(t -> t.level() == 0)
            .map(t -> new EntryBundleId(t.index(), t.width()))
            .collect(Collectors.toList());
    assertEquals(bundles, TileMath.newEntryBundles(n, n + k));
  }

  @Property(tries = 300)
  void entryBundlesMirrorLevelZeroTiles(@ForAll("sizes") long n) {
    List<EntryBundleId> bundles = TileMath.entryBundlesForSize(n);
    long covered = 0;
    for (EntryBundleId b : bundles) {
      assertEquals(covered, b.index() * 256);
      assertEquals(b.leafTile(), TileMath.tilesForSize(n).get((int) b.index()));
      covered += b.width();
    }
    assertEquals(n, covered);
  }

  @Property(tries = 1000)
  void tileForNodePointsAtTheHashesBelowTheNode(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long n,
      @ForAll("levels") int level,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long r) {
    long count = n >> level;
    if (count == 0) {
      return;
    }
    NodeId node = new NodeId(level, r % count);
    NodeLocation loc = TileMath.tileForNode(node, n);
    int below = level % 8;
    // The stored hashes are the level-(8*L) nodes whose leaves the node covers.
    assertEquals(level - below, loc.tile().nodeLevel());
    long firstStored = loc.tile().index() * 256 + loc.offset();
    assertEquals(node.firstLeaf(), firstStored << loc.tile().nodeLevel());
    assertEquals(1 << below, loc.count());
    assertEquals(TileMath.widthAt(loc.tile().level(), loc.tile().index(), n), loc.tile().width());
  }

  @Provide
  Arbitrary<Long> sizes() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 3000),
        Arbitraries.longs().between(0, 200_000),
        Arbitraries.longs().between(65_000, 66_000),
        Arbitraries.of(0L, 1L, 255L, 256L, 257L, 65_535L, 65_536L, 65_537L));
  }

  @Provide
  Arbitrary<Integer> levels() {
    return Arbitraries.integers().between(0, 62);
  }
}
