package dev.tlog.bench.publish;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Scrapes a {@link BucketProbe} every {@code periodMillis} on its own thread until closed, keeping
 * the largest lag seen. A failed scrape is skipped: the server may be too busy to answer at once.
 */
final class LagSampler implements AutoCloseable {
  private final BucketProbe probe;
  private final long periodMillis;
  private final AtomicLong maxLag = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;

  LagSampler(BucketProbe probe, long periodMillis) {
    this.probe = probe;
    this.periodMillis = periodMillis;
    this.thread = new Thread(this::run, "publish-lag-sampler");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run() {
    while (!closed) {
      try {
        long lag = probe.read().lag();
        maxLag.accumulateAndGet(lag, Math::max);
      } catch (RuntimeException e) {
        // Skipped; the next scrape counts.
      }
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  long maxLag() {
    return maxLag.get();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
