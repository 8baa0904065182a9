package dev.tlog.merkle.tile;

import java.util.Optional;

/**
 * Gets one tlog-tiles resource by its path below a log's URL prefix ({@code tile/0/x001/234.p/5}).
 * The caller supplies the I/O (HTTP, disk, memory); this library never opens a connection. {@link
 * FallbackTileSource} turns a fetcher into a bounded {@link TileSource}.
 */
@FunctionalInterface
public interface TilePathFetcher {
  /**
   * The body at {@code path}, or empty when the resource does not exist (for HTTP: 404). Reads at
   * most {@code maxBytes + 1} bytes, so a body over the limit is seen without buffering it all; any
   * failure other than absence (I/O, other statuses) is thrown unchecked.
   */
  Optional<byte[]> fetch(String path, int maxBytes);
}
