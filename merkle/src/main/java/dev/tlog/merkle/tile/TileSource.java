package dev.tlog.merkle.tile;

/**
 * Fetches hash tile bodies: over HTTP, from disk, or from memory. Implementations decide how to
 * cache; {@link TileHashReader} validates what they return.
 */
@FunctionalInterface
public interface TileSource {
  /**
   * Returns the body of {@code tile}: exactly {@code tile.width() * 32} bytes. C2SP lets a log
   * delete a partial tile once the full tile exists, so a source may answer for a partial tile with
   * the first {@code width * 32} bytes of the full one.
   *
   * <p>Throws {@link TileNotFoundException} when the tile does not exist; any other unchecked
   * exception (I/O, timeouts) propagates to the caller unchanged.
   */
  byte[] read(TileId tile);
}
