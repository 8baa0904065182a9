package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.proof.HashNotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileHashReaderTest {
  /** Serves tiles from a map and counts fetches per tile. */
  static final class CountingSource implements TileSource {
    final Map<TileId, byte[]> tiles;
    final Map<TileId, Integer> fetches = new HashMap<>();

    CountingSource(Map<TileId, byte[]> tiles) {
      this.tiles = tiles;
    }

    @Override
    public byte[] read(TileId tile) {
      fetches.merge(tile, 1, Integer::sum);
      byte[] body = tiles.get(tile);
      if (body == null) {
        throw new TileNotFoundException(tile, "no " + tile);
      }
      return body.clone();
    }
  }

  /** Every node of the tree, read in one call, equals the naive hash; each tile fetched once. */
  static void checkTree(NaiveTileTree tree) {
    long n = tree.size();
    CountingSource source = new CountingSource(tree.tiles());
    TileHashReader reader = new TileHashReader(source, n);
    List<NodeId> ids = tree.allNodes();
    List<Hash> got = reader.readHashes(ids);
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(tree.node(ids.get(i)), got.get(i), "node " + ids.get(i) + " size " + n);
    }
    source.fetches.forEach((t, c) -> assertEquals(1, c, "fetches of " + t));
    assertEquals(source.tiles.keySet(), source.fetches.keySet());
    assertEquals(tree.root(), NaiveTileTree.rootFrom(reader, n));
    for (int level = 0; level < 63; level++) {
      NodeId beyond = new NodeId(level, n >> level);
      assertThrows(HashNotFoundException.class, () -> reader.readHashes(List.of(beyond)));
    }
  }

  @ParameterizedTest
  @ValueSource(
      longs = {0, 1, 2, 3, 255, 256, 257, 511, 512, 513, 65_535, 65_536, 65_537, 65_536 + 256})
  void readsEveryNodeAtBoundarySizes(long n) {
    checkTree(NaiveTileTree.ofSize(n));
  }

  @Test
  void rejectsBeforeFetching() {
    CountingSource source = new CountingSource(NaiveTileTree.ofSize(300).tiles());
    TileHashReader reader = new TileHashReader(source, 300);
    HashNotFoundException e =
        assertThrows(
            HashNotFoundException.class,
            () -> reader.readHashes(List.of(new NodeId(0, 0), new NodeId(2, 75))));
    assertEquals("node (2,75) covers leaves [300, 304), beyond tree size 300", e.getMessage());
    assertTrue(source.fetches.isEmpty());
  }

  @Test
  void missingTileIsHashNotFound() {
    Map<TileId, byte[]> tiles = NaiveTileTree.ofSize(300).tiles();
    tiles.remove(new TileId(0, 1, 44));
    TileHashReader reader = new TileHashReader(new CountingSource(tiles), 300);
    assertEquals(1, reader.readHashes(List.of(new NodeId(8, 0))).size());
    assertThrows(HashNotFoundException.class, () -> reader.readHashes(List.of(new NodeId(0, 299))));
    TileHashReader nulls = new TileHashReader(t -> null, 300);
    assertThrows(HashNotFoundException.class, () -> nulls.readHashes(List.of(new NodeId(0, 0))));
  }

  @Test
  void wrongBodyLengthIsTileFormatException() {
    Map<TileId, byte[]> tiles = NaiveTileTree.ofSize(300).tiles();
    // Serving the tree-of-320 width for a tile the tree of 300 publishes at width 44.
    tiles.put(new TileId(0, 1, 44), new byte[64 * 32]);
    TileHashReader reader = new TileHashReader(new CountingSource(tiles), 300);
    assertThrows(TileFormatException.class, () -> reader.readHashes(List.of(new NodeId(0, 299))));
  }

  @Test
  void smallerTreeReadsFromLargerTreesFullTiles() {
    // A tree of 300 reads the same full tiles as one of 1000 plus its own partial ones.
    NaiveTileTree big = NaiveTileTree.ofSize(1000);
    Map<TileId, byte[]> tiles = new HashMap<>(big.tiles());
    tiles.putAll(NaiveTileTree.ofSize(300).tiles());
    TileHashReader reader = new TileHashReader(new CountingSource(tiles), 300);
    assertEquals(NaiveTileTree.ofSize(300).root(), NaiveTileTree.rootFrom(reader, 300));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new TileHashReader(null, 1));
    assertThrows(IllegalArgumentException.class, () -> new TileHashReader(t -> null, -1));
  }
}
