package dev.tlog.witness.crosscheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Blocking, bounded HTTP GETs for cross-checking (run on a worker thread, never an event loop): 200
 * gives the body, 404 gives empty, anything else or a body over the limit is an error.
 */
final class HttpFetcher {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;

  HttpFetcher(HttpClient client) {
    this.client = client;
  }

  static HttpFetcher create() {
    return new HttpFetcher(
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  /** The body of {@code url}, or empty on 404. */
  Optional<byte[]> get(URI url, int maxBytes) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() == 404) {
          return Optional.empty();
        }
        if (response.statusCode() != 200) {
          throw new FetchException("GET " + url + " returned HTTP " + response.statusCode());
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
          throw new FetchException("GET " + url + ": body is over " + maxBytes + " bytes");
        }
        return Optional.of(body);
      }
    } catch (IOException e) {
      throw new FetchException("GET " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("GET " + url + " interrupted", e);
    }
  }

  /** A fetch failed (network, status, size). */
  static final class FetchException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    FetchException(String message) {
      super(new IOException(message));
    }

    FetchException(String message, Throwable cause) {
      super(new IOException(message, cause));
    }
  }
}
