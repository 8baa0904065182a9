package dev.tlog.merkle.tile;

import dev.tlog.merkle.hash.Hash;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@link TileSource} over a {@link TilePathFetcher}: asks for each tile by its C2SP path, bounds
 * every body, and, because C2SP tlog-tiles lets a log delete a partial tile once the full tile
 * exists, answers a missing partial tile with the first {@code width} hashes of the full one.
 *
 * <p>Bounds: a body longer than its tile ({@code width * 32} bytes, {@code 256 * 32} for the
 * full-tile fallback) is a {@link TileFormatException}; a shorter one is left to {@link
 * TileHashReader}, which checks exact lengths. Thread-safe if the fetcher is.
 */
public final class FallbackTileSource implements TileSource {
  private final TilePathFetcher fetcher;
  private final String where;

  /**
   * @param fetcher gets resources below the log's prefix
   * @param where names the log in messages, e.g. its URL prefix
   */
  public FallbackTileSource(TilePathFetcher fetcher, String where) {
    if (fetcher == null) {
      throw new IllegalArgumentException("fetcher is required");
    }
    this.fetcher = fetcher;
    this.where = where;
  }

  @Override
  public byte[] read(TileId tile) {
    Optional<byte[]> body = get(tile);
    if (body.isEmpty() && tile.width() < TileMath.FULL_WIDTH) {
      body =
          get(TileId.full(tile.level(), tile.index()))
              .map(b -> Arrays.copyOf(b, Math.min(b.length, tile.width() * Hash.SIZE)));
    }
    return body.orElseThrow(
        () -> new TileNotFoundException(tile, "log at " + where + " has no tile " + tile));
  }

  private Optional<byte[]> get(TileId tile) {
    int max = tile.width() * Hash.SIZE;
    Optional<byte[]> body = fetcher.fetch(tile.path(), max);
    if (body.isPresent() && body.get().length > max) {
      throw new TileFormatException(
          "tile " + tile + " from " + where + " is over " + max + " bytes");
    }
    return body;
  }
}
