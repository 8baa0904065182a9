package dev.tlog.mirror.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Compares what two tlog-tiles URLs serve for one tree size. */
public final class SameObjects {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SameObjects() {}

  /**
   * Every object of a tree of {@code size} (checkpoint, tiles, bundles): same status and bytes.
   * With {@code logServer} (when {@code want} is the log server's own API, not a bucket holding
   * only the current widths) also the same Content-Type and Cache-Control, and the same answers for
   * a narrower partial tile and bundle and for a tile beyond the tree. Returns the number of paths
   * compared.
   */
  public static int assertSame(String want, String got, long size, boolean logServer)
      throws Exception {
    List<String> paths = new ArrayList<>();
    paths.add("checkpoint");
    TileMath.tilesForSize(size).forEach(t -> paths.add(t.path()));
    TileMath.entryBundlesForSize(size).forEach(b -> paths.add(b.path()));
    if (logServer && size > 3) {
      paths.add(new TileId(0, 0, 2).path());
      paths.add(new EntryBundleId(0, 3).path());
    }
    if (logServer) {
      paths.add(TileId.full(0, size / 256 + 1).path());
    }
    compare(want, got, paths, logServer);
    return paths.size();
  }

  /**
   * Every tile and bundle of a tree of {@code size} (not the checkpoint): same status and bytes.
   */
  public static void assertSameTiles(String want, String got, long size) throws Exception {
    List<String> paths = new ArrayList<>();
    TileMath.tilesForSize(size).forEach(t -> paths.add(t.path()));
    TileMath.entryBundlesForSize(size).forEach(b -> paths.add(b.path()));
    compare(want, got, paths, false);
  }

  private static void compare(String want, String got, List<String> paths, boolean headers)
      throws Exception {
    for (String path : paths) {
      HttpResponse<byte[]> a = get(want + path);
      HttpResponse<byte[]> b = get(got + path);
      assertEquals(a.statusCode(), b.statusCode(), path);
      if (a.statusCode() != 200) {
        continue;
      }
      assertArrayEquals(a.body(), b.body(), path);
      if (headers) {
        for (String h : List.of("Content-Type", "Cache-Control")) {
          assertEquals(a.headers().firstValue(h), b.headers().firstValue(h), path + " " + h);
        }
      }
    }
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
