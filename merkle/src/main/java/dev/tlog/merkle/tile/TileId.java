package dev.tlog.merkle.tile;

/**
 * A hash tile: tile {@code index} of tile level {@code level} holds the hashes of the Merkle tree
 * nodes at tree level {@code 8 * level} with indices {@code index * 256} to {@code index * 256 +
 * width - 1} (C2SP tlog-tiles, "Merkle Tree"). Its body is those {@code width} hashes, 32 bytes
 * each, concatenated in index order.
 *
 * <p>{@code level} ranges over 0..{@value #MAX_LEVEL} as the path syntax allows, although in a tree
 * of fewer than 2^63 leaves only levels 0..{@value TileMath#MAX_USED_LEVEL} are ever non-empty.
 *
 * @param level tile level, 0..63
 * @param index tile index within the level, 0..{@link #MAX_INDEX}
 * @param width number of hashes, 1..256
 */
public record TileId(int level, long index, int width) implements TileRef {
  /** Highest tile level a path may name (C2SP tlog-tiles). */
  public static final int MAX_LEVEL = 63;

  /** Largest tile index: {@code index * 256 + 255} still fits in a signed 64-bit integer. */
  public static final long MAX_INDEX = Long.MAX_VALUE >> TileMath.HEIGHT;

  public TileId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "tile level must be in [0, " + MAX_LEVEL + "], got " + level);
    }
    TileMath.checkIndexAndWidth(index, width);
  }

  /** The full (256-wide) tile at {@code level}, {@code index}. */
  public static TileId full(int level, long index) {
    return new TileId(level, index, TileMath.FULL_WIDTH);
  }

  /** The Merkle tree level of the hashes this tile stores: {@code 8 * level}. */
  public int nodeLevel() {
    return level * TileMath.HEIGHT;
  }

  /** The path, e.g. {@code tile/1/000.p/3}. */
  @Override
  public String toString() {
    return path();
  }
}
