package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileMathTest {
  @Test
  void c2spExampleTreeOf70000() {
    // C2SP tlog-tiles, "Partial Tiles": 273 full level-0 tiles, one of width 112, one full
    // level-1 tile, one of width 17, one level-2 tile of width 1.
    List<TileId> tiles = TileMath.tilesForSize(70_000);
    assertEquals(273 + 1 + 1 + 1 + 1, tiles.size());
    for (int i = 0; i < 273; i++) {
      assertEquals(TileId.full(0, i), tiles.get(i));
    }
    assertEquals(
        List.of(
            new TileId(0, 273, 112), TileId.full(1, 0), new TileId(1, 1, 17), new TileId(2, 0, 1)),
        tiles.subList(273, 277));
  }

  @Test
  void treeOf256HasAFullTileAndAWidthOneParent() {
    assertEquals(List.of(TileId.full(0, 0), new TileId(1, 0, 1)), TileMath.tilesForSize(256));
    assertEquals(List.of(), TileMath.tilesForSize(0));
    assertEquals(List.of(new TileId(0, 0, 1)), TileMath.tilesForSize(1));
  }

  @Test
  void widthAt() {
    assertEquals(256, TileMath.widthAt(0, 0, 70_000));
    assertEquals(112, TileMath.widthAt(0, 273, 70_000));
    assertEquals(0, TileMath.widthAt(0, 274, 70_000));
    assertEquals(17, TileMath.widthAt(1, 1, 70_000));
    assertEquals(1, TileMath.widthAt(2, 0, 70_000));
    assertEquals(0, TileMath.widthAt(3, 0, 70_000));
    assertEquals(0, TileMath.widthAt(63, 0, Long.MAX_VALUE));
    assertEquals(127, TileMath.widthAt(7, 0, Long.MAX_VALUE));
    assertEquals(255, TileMath.widthAt(0, TileId.MAX_INDEX, Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> TileMath.widthAt(0, 0, -1));
    assertThrows(IllegalArgumentException.class, () -> TileMath.widthAt(64, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> TileMath.widthAt(0, -1, 1));
  }

  @Test
  void tileForNode() {
    // Level 0: stored directly in level-0 tiles.
    assertEquals(
        new NodeLocation(new TileId(0, 1, 44), 43, 1),
        TileMath.tileForNode(new NodeId(0, 299), 300));
    // Level 3 node 5 covers level-0 hashes 40..47 of tile 0.
    assertEquals(
        new NodeLocation(TileId.full(0, 0), 40, 8), TileMath.tileForNode(new NodeId(3, 5), 300));
    // Level 8 node 0 is stored in tile/1/000.p/1.
    assertEquals(
        new NodeLocation(new TileId(1, 0, 1), 0, 1), TileMath.tileForNode(new NodeId(8, 0), 300));
    // Level 62 node 0 of the largest tree: tile level 7, 64 hashes of level 56.
    assertEquals(
        new NodeLocation(new TileId(7, 0, 127), 0, 64),
        TileMath.tileForNode(new NodeId(62, 0), Long.MAX_VALUE));
    assertThrows(
        IllegalArgumentException.class, () -> TileMath.tileForNode(new NodeId(0, 300), 300));
    assertThrows(
        IllegalArgumentException.class, () -> TileMath.tileForNode(new NodeId(2, 75), 300));
  }

  @Test
  void isCompleteNeverOverflows() {
    assertTrue(TileMath.isComplete(new NodeId(62, 0), Long.MAX_VALUE));
    assertTrue(!TileMath.isComplete(new NodeId(62, 1), Long.MAX_VALUE));
    assertTrue(!TileMath.isComplete(new NodeId(63, 0), Long.MAX_VALUE));
    assertTrue(!TileMath.isComplete(new NodeId(0, Long.MAX_VALUE), Long.MAX_VALUE));
  }

  @Test
  void entryBundles() {
    assertEquals(
        List.of(EntryBundleId.full(0), new EntryBundleId(1, 44)),
        TileMath.entryBundlesForSize(300));
    assertEquals(new EntryBundleId(1, 44), TileMath.bundleForEntry(256, 300));
    assertEquals(EntryBundleId.full(0), TileMath.bundleForEntry(255, 300));
    assertEquals(List.of(new EntryBundleId(1, 44)), TileMath.newEntryBundles(256, 300));
    assertThrows(IllegalArgumentException.class, () -> TileMath.bundleForEntry(300, 300));
    assertEquals(new TileId(0, 1, 44), new EntryBundleId(1, 44).leafTile());
  }

  @Test
  void nodesInTile() {
    assertEquals(
        List.of(new NodeId(8, 512), new NodeId(8, 513)), TileMath.nodesInTile(new TileId(1, 2, 2)));
    assertThrows(IllegalArgumentException.class, () -> TileMath.nodesInTile(TileId.full(8, 0)));
  }

  @Test
  void newTilesRejectsShrinking() {
    assertThrows(IllegalArgumentException.class, () -> TileMath.newTiles(5, 4));
    assertThrows(IllegalArgumentException.class, () -> TileMath.tilesForSize(-1));
    assertThrows(IllegalArgumentException.class, () -> TileMath.tilesForSize(Long.MAX_VALUE));
  }

  @Test
  void recordsValidateComponents() {
    assertThrows(IllegalArgumentException.class, () -> new TileId(-1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new TileId(64, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new TileId(0, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new TileId(0, TileId.MAX_INDEX + 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new TileId(0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TileId(0, 0, 257));
    assertThrows(IllegalArgumentException.class, () -> new EntryBundleId(0, 0));
  }
}
