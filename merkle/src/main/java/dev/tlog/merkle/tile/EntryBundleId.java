package dev.tlog.merkle.tile;

/**
 * An entry bundle: bundle {@code index} holds log entries {@code index * 256} to {@code index * 256
 * + width - 1}, the entries whose leaf hashes form level-0 hash tile {@code index} (C2SP
 * tlog-tiles, "Log entries"). Its body is each entry prefixed by its big-endian uint16 length.
 *
 * @param index bundle index, 0..{@link TileId#MAX_INDEX}
 * @param width number of entries, 1..256
 */
public record EntryBundleId(long index, int width) implements TileRef {
  public EntryBundleId {
    TileMath.checkIndexAndWidth(index, width);
  }

  /** The full (256-entry) bundle at {@code index}. */
  public static EntryBundleId full(long index) {
    return new EntryBundleId(index, TileMath.FULL_WIDTH);
  }

  /** The level-0 hash tile holding the leaf hashes of this bundle's entries. */
  public TileId leafTile() {
    return new TileId(0, index, width);
  }

  /** The path, e.g. {@code tile/entries/x001/234}. */
  @Override
  public String toString() {
    return path();
  }
}
