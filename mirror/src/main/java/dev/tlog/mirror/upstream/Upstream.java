package dev.tlog.mirror.upstream;

import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GETs tlog-tiles objects relative to a base URL, one attempt each (the follow loop's next poll is
 * the retry), reading at most the largest body the object can have: a note for the checkpoint, 8192
 * bytes for a hash tile, 256 maximal entries for a bundle. Deliberately keeps no cache: a corrupt
 * body must be fetched afresh once the upstream is repaired.
 */
public final class Upstream {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  // C2SP tlog-tiles "Log entries": each entry is a uint16 length and at most 65535 bytes.
  private static final int MAX_BUNDLE = TileMath.FULL_WIDTH * (2 + EntryBundles.MAX_ENTRY_SIZE);
  private static final int MAX_TILE = TileMath.FULL_WIDTH * 32;

  private final URI base;
  private final HttpClient client;

  /** {@code base} is the log's prefix; a trailing {@code /checkpoint} is dropped. */
  public Upstream(URI base) {
    String s = base.toString();
    if (s.endsWith("/checkpoint")) {
      s = s.substring(0, s.length() - "checkpoint".length());
    }
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The base URL every path is resolved against, ending in {@code /}. */
  public URI base() {
    return base;
  }

  /** The raw bytes of the log's current checkpoint note. */
  public byte[] checkpoint() {
    return get("checkpoint", Note.MAX_NOTE_BYTES);
  }

  /** The body of a hash tile or entry bundle, exactly as served. */
  public byte[] object(TileRef ref) {
    return get(ref.path(), ref instanceof TileId ? MAX_TILE : MAX_BUNDLE);
  }

  private byte[] get(String path, int maxBytes) {
    URI uri = base.resolve(path);
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() != 200) {
          throw new UpstreamException("GET " + uri + ": HTTP " + r.statusCode());
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
          throw new UpstreamException("GET " + uri + ": body over " + maxBytes + " bytes");
        }
        return body;
      }
    } catch (IOException e) {
      throw new UpstreamException("GET " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("GET " + uri + ": interrupted", e);
    }
  }
}
