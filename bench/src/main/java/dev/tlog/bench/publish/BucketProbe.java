package dev.tlog.bench.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads how far the bucket is behind from the server's {@code /metrics}: {@code
 * tlog_publish_bucket_tree_size} (the size of the bucket's checkpoint) and {@code
 * tlog_publish_lag_entries} (the log's published size minus that), from one scrape.
 */
public final class BucketProbe {
  private static final String BUCKET_SIZE = "tlog_publish_bucket_tree_size ";
  private static final String LAG = "tlog_publish_lag_entries ";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI metrics;

  /** {@code httpBase} is the server's HTTP base URI, ending in {@code /}. */
  public BucketProbe(URI httpBase) {
    this.metrics = httpBase.resolve("metrics");
  }

  /** Where the bucket stands at one instant. */
  public record BucketState(long bucketSize, long lag, long atNanos) {
    /** The log's published size, as the server saw it in the same scrape. */
    public long logSize() {
      return bucketSize + lag;
    }
  }

  /** Scrapes the metrics once. */
  public BucketState read() {
    String body;
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + metrics + ": HTTP " + r.statusCode());
      }
      body = r.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + metrics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + metrics, e);
    }
    long at = System.nanoTime();
    return new BucketState(gauge(body, BUCKET_SIZE), gauge(body, LAG), at);
  }

  private long gauge(String body, String name) {
    for (String line : body.split("\n")) {
      if (line.startsWith(name)) {
        return Math.round(Double.parseDouble(line.substring(name.length()).trim()));
      }
    }
    throw new IllegalStateException(
        metrics + " has no " + name.trim() + " (was the server started with --s3-bucket?)");
  }
}
