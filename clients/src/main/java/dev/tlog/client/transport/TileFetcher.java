package dev.tlog.client.transport;

import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogUnavailableException;
import dev.tlog.client.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
    String b = url.endsWith("/checkpoint") ? url.substring(0, url.length() - 10) : url;
    this.base = b.endsWith("/") ? b : b + "/";
    this.retry = retry;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public String base() {
    return base;
  }

  /** The body at {@code path} (relative, no leading slash). */
  public byte[] get(String path) {
    boolean immutable = path.startsWith("tile/") && !path.contains(".p/");
    if (immutable) {
      synchronized (cache) {
        byte[] hit = cache.get(path);
        if (hit != null) {
          return hit.clone();
        }
      }
    }
    byte[] body = fetch(path);
    if (immutable) {
      synchronized (cache) {
        cache.put(path, body.clone());
      }
    }
    return body;
  }

  private byte[] fetch(String path) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build();
    for (int attempt = 1; ; attempt++) {
      Duration hint = null;
      String failure;
      Throwable cause = null;
      try {
        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        int code = r.statusCode();
        if (code == 200) {
          if (r.body().length > MAX_BODY) {
            throw new LogRequestException("HTTP 200", path + ": body over " + MAX_BODY, null);
          }
          return r.body();
        }
        String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
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
