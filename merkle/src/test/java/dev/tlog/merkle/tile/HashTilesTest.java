package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashTilesTest {
  private static List<Hash> hashes(int n) {
    List<Hash> hs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hs.add(TreeHasher.leafHash(new byte[] {(byte) i}));
    }
    return hs;
  }

  @Test
  void roundTrips() {
    for (int w : new int[] {1, 2, 255, 256}) {
      byte[] body = HashTiles.encode(hashes(w));
      assertEquals(w * 32, body.length);
      assertEquals(hashes(w), HashTiles.decode(body));
      assertEquals(hashes(w), HashTiles.decode(new TileId(0, 0, w), body));
    }
  }

  @Test
  void rejectsBadLengths() {
    assertThrows(TileFormatException.class, () -> HashTiles.decode(new byte[0]));
    assertThrows(TileFormatException.class, () -> HashTiles.decode(new byte[31]));
    assertThrows(TileFormatException.class, () -> HashTiles.decode(new byte[33]));
    assertThrows(TileFormatException.class, () -> HashTiles.decode(new byte[257 * 32]));
    TileFormatException e =
        assertThrows(
            TileFormatException.class, () -> HashTiles.decode(new TileId(0, 1, 3), new byte[64]));
    assertEquals("hash tile tile/0/001.p/3 body is 64 bytes, want 96", e.getMessage());
    assertThrows(TileFormatException.class, () -> HashTiles.encode(List.of()));
    assertThrows(TileFormatException.class, () -> HashTiles.encode(hashes(257)));
  }

  @Test
  void subtreeHashFoldsLikeTheTree() {
    NaiveTileTree tree = NaiveTileTree.ofSize(256);
    byte[] body = tree.tiles().get(TileId.full(0, 0));
    for (int k = 0; k <= 8; k++) {
      for (int i = 0; i < 256 >> k; i++) {
        assertEquals(
            tree.node(new NodeId(k, i)), HashTiles.subtreeHash(body, i << k, 1 << k), k + "," + i);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> HashTiles.subtreeHash(body, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> HashTiles.subtreeHash(body, 0, 3));
    assertThrows(TileFormatException.class, () -> HashTiles.subtreeHash(new byte[32], 0, 2));
    assertArrayEquals(body, HashTiles.encode(HashTiles.decode(body)));
  }
}
