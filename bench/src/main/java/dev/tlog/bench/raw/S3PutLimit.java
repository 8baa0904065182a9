package dev.tlog.bench.raw;

import dev.tlog.bench.report.Figure;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileObjects;
import dev.tlog.server.publish.ObjectStore;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fastest a single client puts objects of one size into an object store: one PUT after the
 * other from one thread, as the log's publisher makes them, each to a new key, with the headers of
 * a full tile. Objects per second, with bytes per second among the counts.
 */
public final class S3PutLimit {
  private final ObjectStore store;

  /** Puts into {@code store}, which the caller closes. */
  public S3PutLimit(ObjectStore store) {
    this.store = store;
  }

  /**
   * PUTs objects of {@code objectBytes} for at least {@code atLeast} and at least {@code
   * minObjects} times, measuring nothing: the AWS SDK's request path takes hundreds of PUTs to
   * reach its steady speed (the first alone takes hundreds of milliseconds). Returns the PUTs made.
   */
  public long warmUp(int objectBytes, Duration atLeast, long minObjects) {
    byte[] body = new byte[objectBytes];
    long end = System.nanoTime() + atLeast.toNanos();
    long n = 0;
    while (n < minObjects || System.nanoTime() < end) {
      put("warmup/" + n, body, n);
      n++;
    }
    return n;
  }

  /**
   * Warms up for a third of {@code duration}, then puts objects of {@code objectBytes} for the
   * rest; the figure is called {@code name}. Call {@link #warmUp} first.
   */
  public Figure measure(String name, int objectBytes, Duration duration) {
    byte[] body = new byte[objectBytes];
    new SplittableRandom(objectBytes).nextBytes(body);
    long warmupNanos = duration.toNanos() / 3;
    long warmupEnd = System.nanoTime() + warmupNanos;
    long warm = 0;
    while (System.nanoTime() < warmupEnd) {
      put(name + "/warmup/" + warm, body, warm);
      warm++;
    }
    long start = System.nanoTime();
    long deadline = start + duration.toNanos() - warmupNanos;
    long objects = 0;
    while (System.nanoTime() < deadline) {
      put(name + "/" + objects, body, objects);
      objects++;
    }
    double perSecond = objects * 1e9 / (System.nanoTime() - start);
    return Figure.of(name, "objects/s", perSecond)
        .withCounts(
            Map.of(
                "objects",
                objects,
                "warmup_objects",
                warm,
                "object_bytes",
                (long) objectBytes,
                "bytes_per_s",
                Math.round(perSecond * objectBytes)));
  }

  private void put(String key, byte[] body, long n) {
    // A different body each time, as tiles are: no store may take a shortcut on equal bytes.
    body[0] = (byte) n;
    body[1] = (byte) (n >> 8);
    store.put(key, body, TileObjects.OCTETS, TileObjects.cacheControl(TileMath.FULL_WIDTH));
  }
}
