package dev.tlog.witness.crosscheck;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileNotFoundException;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.merkle.tile.TileSource;
import java.net.URI;

/**
 * Reads C2SP tlog-tiles hash tiles from a log's URL prefix. C2SP lets a log drop a partial tile
 * once the full one exists, so a missing partial tile is retried as the full tile (whose prefix it
 * is). Blocking; use from worker threads.
 */
final class HttpTileSource implements TileSource {
  private final HttpFetcher http;
  private final URI prefix;

  HttpTileSource(HttpFetcher http, URI prefix) {
    this.http = http;
    this.prefix = prefix;
  }

  @Override
  public byte[] read(TileId tile) {
    int max = TileMath.FULL_WIDTH * Hash.SIZE;
    var body = http.get(prefix.resolve(TilePaths.format(tile)), max);
    if (body.isEmpty() && tile.width() < TileMath.FULL_WIDTH) {
      TileId full = TileId.full(tile.level(), tile.index());
      body =
          http.get(prefix.resolve(TilePaths.format(full)), max)
              .map(b -> java.util.Arrays.copyOf(b, Math.min(b.length, tile.width() * Hash.SIZE)));
    }
    return body.orElseThrow(
        () -> new TileNotFoundException(tile, "log at " + prefix + " has no tile " + tile));
  }
}
