package dev.tlog.client.transport;

import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogUnavailableException;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GETs tlog-tiles resources relative to a base URL with {@link HttpClient}, retrying 503/429 and
 * I/O errors per {@link RetryPolicy}; keeps a small LRU cache of full (immutable) tiles. The one
 * place where HTTP statuses become client exceptions. Thread-safe.
 */
public final class TileFetcher {
  private static final int CACHE_TILES = 128;
  private static final int MAX_BODY = 1 << 20;

  private final HttpClient client;
  private final String base;
  private final RetryPolicy retry;
  private final ClientSecurity security;
  private final Map<String, byte[]> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
          return size() > CACHE_TILES;
        }
      };

  /** {@code url} is the log prefix, or its {@code /checkpoint} URL as the server prints it. */
  public TileFetcher(String url, RetryPolicy retry) {
    this(url, retry, ClientSecurity.plaintext());
  }

  /** As {@link #TileFetcher(String, RetryPolicy)}, with {@code security}'s trust and token. */
  public TileFetcher(String url, RetryPolicy retry, ClientSecurity security) {
    String b = url.endsWith("/checkpoint") ? url.substring(0, url.length() - 10) : url;
    this.base = b.endsWith("/") ? b : b + "/";
    this.retry = retry;
    this.security = security;
    this.client = security.httpClient();
  }

  public String base() {
    return base;
  }

  /**
   * The body at {@code path} (relative, no leading slash); a 404 is a {@link LogRequestException}.
   */
  public byte[] get(String path) {
    return find(path, MAX_BODY)
        .orElseThrow(
            () -> new LogRequestException("HTTP 404", "GET " + base + path + ": HTTP 404", null));
  }

  /**
   * The body at {@code path}, or empty on 404; reads at most {@code maxBytes + 1} bytes of it. A
   * {@link dev.tlog.merkle.tile.TilePathFetcher}, so hash tiles are read through the shared {@link
   * dev.tlog.merkle.tile.FallbackTileSource}.
   */
  public Optional<byte[]> find(String path, int maxBytes) {
    boolean immutable = path.startsWith("tile/") && !path.contains(".p/");
    if (immutable) {
      synchronized (cache) {
        byte[] hit = cache.get(path);
        if (hit != null) {
          return Optional.of(hit.clone());
        }
      }
    }
    Optional<byte[]> body = fetch(path, Math.min(maxBytes, MAX_BODY));
    if (immutable && body.isPresent()) {
      synchronized (cache) {
        cache.put(path, body.get().clone());
      }
    }
    return body;
  }

  private Optional<byte[]> fetch(String path, int maxBytes) {
    HttpRequest req =
        security
            .authorize(HttpRequest.newBuilder(URI.create(base + path)))
            .timeout(Duration.ofSeconds(30))
            .build();
    for (int attempt = 1; ; attempt++) {
      Duration hint = null;
      String failure;
      Throwable cause = null;
      try {
        HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        int code = r.statusCode();
        byte[] body;
        try (InputStream in = r.body()) {
          body = in.readNBytes(maxBytes + 1);
        }
        if (code == 200) {
          if (body.length > maxBytes) {
            throw new VerificationException("GET " + base + path + ": body over " + maxBytes);
          }
          return Optional.of(body);
        }
        if (code == 404) {
          return Optional.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        failure = "GET " + base + path + ": HTTP " + code + (text.isEmpty() ? "" : ": " + text);
        if (code != 503 && code != 429) {
          throw new LogRequestException("HTTP " + code, failure, null);
        }
        hint = r.headers().firstValue("Retry-After").map(TileFetcher::seconds).orElse(null);
      } catch (IOException e) {
        failure = "GET " + base + path + ": " + e;
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LogUnavailableException("interrupted: GET " + base + path, e);
      }
      if (attempt >= retry.maxAttempts()) {
        throw new LogUnavailableException(failure + " (after " + attempt + " attempts)", cause);
      }
      try {
        Thread.sleep(retry.delay(attempt, hint).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LogUnavailableException("interrupted: GET " + base + path, e);
      }
    }
  }

  private static Duration seconds(String v) {
    try {
      return Duration.ofSeconds(Long.parseLong(v.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
