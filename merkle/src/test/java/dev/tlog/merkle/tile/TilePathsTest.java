package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TilePathsTest {
  @Test
  void formatsIndexInThreeDigitGroups() {
    assertEquals("000", TilePaths.formatIndex(0));
    assertEquals("999", TilePaths.formatIndex(999));
    assertEquals("x001/000", TilePaths.formatIndex(1000));
    assertEquals("x001/x234/067", TilePaths.formatIndex(1234067));
    assertEquals("x036/x028/x797/x018/x963/967", TilePaths.formatIndex(TileId.MAX_INDEX));
  }

  @Test
  void formatsHashTilesAndBundles() {
    assertEquals("tile/0/x001/x234/067", TilePaths.format(TileId.full(0, 1234067)));
    assertEquals("tile/3/x001/x234/067.p/1", TilePaths.format(new TileId(3, 1234067, 1)));
    assertEquals("tile/63/000.p/255", TilePaths.format(new TileId(63, 0, 255)));
    assertEquals("tile/entries/000", TilePaths.format(EntryBundleId.full(0)));
    assertEquals("tile/entries/x001/000.p/7", new EntryBundleId(1000, 7).path());
    assertEquals("tile/1/005.p/2", new TileId(1, 5, 2).toString());
  }

  @Test
  void parsesCanonicalPaths() {
    assertEquals(new TileId(0, 1234067, 256), TilePaths.parse("tile/0/x001/x234/067"));
    assertEquals(new TileId(63, 0, 255), TilePaths.parse("tile/63/000.p/255"));
    assertEquals(new EntryBundleId(1000, 7), TilePaths.parse("tile/entries/x001/000.p/7"));
    assertEquals(new TileId(2, 0, 1), TilePaths.parseHashTile("tile/2/000.p/1"));
    assertEquals(EntryBundleId.full(5), TilePaths.parseEntryBundle("tile/entries/005"));
    assertEquals(
        TileId.full(0, TileId.MAX_INDEX), TilePaths.parse("tile/0/x036/x028/x797/x018/x963/967"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "tile",
        "tile/",
        "tile/0",
        "tile/0/",
        "/tile/0/000",
        "tile/0/000/",
        "tile//000",
        "tiles/0/000",
        "TILE/0/000",
        "tile/0/0",
        "tile/0/00",
        "tile/0/0000",
        "tile/0/x000",
        "tile/0/x001",
        "tile/0/001/002",
        "tile/0/x000/001",
        "tile/0/x000/x001/002",
        "tile/0/x1/001",
        "tile/0/y001/002",
        "tile/0/X001/002",
        "tile/0/x00a/002",
        "tile/0/+01",
        "tile/0/-01",
        "tile/0/\u0661\u0662\u0663",
        "tile/00/000",
        "tile/01/000",
        "tile/64/000",
        "tile/100/000",
        "tile/-1/000",
        "tile/+1/000",
        "tile/data/000",
        "tile/ 0/000",
        "tile/0/000.p/0",
        "tile/0/000.p/256",
        "tile/0/000.p/01",
        "tile/0/000.p/",
        "tile/0/000.p",
        "tile/0/000.p/5/",
        "tile/0/000.p/+5",
        "tile/0/.p/5",
        "tile/0/000.p.p/5",
        "tile/0/x001.p/001",
        "tile/entries",
        "tile/entries/",
        "tile/entries/0",
        "tile/entries/000.p/256",
        "tile/entries/x000/000",
        "tile/0/x999/x999/x999/x999/x999/x999/999",
        "tile/0/x999/x999/x999/x999/x999/999",
        "tile/0/x036/x028/x797/x018/x963/968",
        "tile/0/000?x=1",
        "tile/0/000#",
        "tile/0/000 ",
        " tile/0/000",
      })
  void rejectsNonCanonicalPaths(String path) {
    TilePathException e = assertThrows(TilePathException.class, () -> TilePaths.parse(path));
    assertEquals(path, e.path());
    assertTrue(e.getMessage().startsWith("malformed tile path"), e.getMessage());
  }

  @Test
  void rejectsNullAndOverlongPaths() {
    assertThrows(TilePathException.class, () -> TilePaths.parse(null));
    assertThrows(TilePathException.class, () -> TilePaths.parse("tile/0/" + "x001/".repeat(20)));
  }

  @Test
  void typedParsersRejectTheOtherKind() {
    assertThrows(TilePathException.class, () -> TilePaths.parseHashTile("tile/entries/000"));
    assertThrows(TilePathException.class, () -> TilePaths.parseEntryBundle("tile/0/000"));
  }

  @Test
  void messageNamesTheProblem() {
    TilePathException e =
        assertThrows(TilePathException.class, () -> TilePaths.parse("tile/0/000.p/256"));
    assertEquals(
        "malformed tile path \"tile/0/000.p/256\": partial width \"256\" is not a decimal in [1,"
            + " 255]",
        e.getMessage());
  }
}
