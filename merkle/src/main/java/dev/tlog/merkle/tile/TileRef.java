package dev.tlog.merkle.tile;

/**
 * A resource of a C2SP tlog-tiles log: either a hash tile ({@link TileId}) or an entry bundle
 * ({@link EntryBundleId}). Both are a row of up to {@value TileMath#FULL_WIDTH} consecutive items
 * starting at item {@code index * 256}; {@code width} says how many are present.
 */
public sealed interface TileRef permits TileId, EntryBundleId {
  /** Position of the tile within its row; the first item it holds is {@code index * 256}. */
  long index();

  /** Number of items held, 1..256; 256 means full (and therefore immutable). */
  int width();

  /** Whether the tile holds all 256 items and can be cached forever. */
  default boolean isFull() {
    return width() == TileMath.FULL_WIDTH;
  }

  /** The resource path, e.g. {@code tile/0/x001/234.p/7}; see {@link TilePaths#format}. */
  default String path() {
    return TilePaths.format(this);
  }
}
