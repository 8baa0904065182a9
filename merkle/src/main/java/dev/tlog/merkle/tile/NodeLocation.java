package dev.tlog.merkle.tile;

/**
 * Where a node hash lives in the tiles: the node's hash is the Merkle subtree hash of the {@code
 * count} stored hashes {@code tile[offset .. offset + count)}; {@code count} is {@code 2^(level %
 * 8)} and is 1 when the node is stored directly.
 */
public record NodeLocation(TileId tile, int offset, int count) {
  public NodeLocation {
    if (Integer.bitCount(count) != 1 || offset < 0 || offset % count != 0) {
      throw new IllegalArgumentException(
          "count must be a power of two dividing offset, got offset " + offset + " count " + count);
    }
    if (offset + count > tile.width()) {
      throw new IllegalArgumentException(
          "hashes [" + offset + ", " + (offset + count) + ") exceed width of " + tile);
    }
  }
}
