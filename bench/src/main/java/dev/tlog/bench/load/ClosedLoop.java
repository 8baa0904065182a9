package dev.tlog.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * {@code callers} threads each repeating one blocking call for {@code warmup} plus {@code
 * duration}: the next call starts when the previous one returned. Only calls started after the
 * warm-up are measured. Latency is per call; throughput counts the units each successful call
 * reports (entries of a batch, or 1).
 */
public final class ClosedLoop {
  /** One blocking call; returns the units it completed. May throw gRPC's runtime exceptions. */
  @FunctionalInterface
  public interface Call {
    int run();
  }

  private final int callers;
  private final Duration warmup;
  private final Duration duration;

  public ClosedLoop(int callers, Duration warmup, Duration duration) {
    this.callers = callers;
    this.warmup = warmup;
    this.duration = duration;
  }

  /** A loop whose warm-up is a fifth of {@code duration}, at most 2 s. */
  public static ClosedLoop warmed(int callers, Duration duration) {
    Duration w = duration.dividedBy(5);
    return new ClosedLoop(
        callers, w.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : w, duration);
  }

  /** Runs {@code call} and returns what it achieved; a failed call counts {@code failedUnits}. */
  public Outcome run(Call call, int failedUnits) {
    LongAdder units = new LongAdder();
    Failures failures = new Failures();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime() + warmup.toNanos();
    long deadline = start + duration.toNanos();
    for (int i = 0; i < callers; i++) {
      Histogram h = new Histogram(3);
      histograms.add(h);
      Thread t =
          new Thread(
              () -> loop(call, start, deadline, h, units, failures, failedUnits), "caller-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      join(t);
    }
    long elapsed = System.nanoTime() - start;
    Histogram all = new Histogram(3);
    histograms.forEach(all::add);
    return new Outcome(units.sum(), elapsed, all, failures.snapshot());
  }

  private static void loop(
      Call call,
      long start,
      long deadline,
      Histogram latency,
      LongAdder units,
      Failures failures,
      int failedUnits) {
    while (System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      boolean measured = t0 >= start;
      try {
        int done = call.run();
        if (measured) {
          latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
          units.add(done);
        }
      } catch (RuntimeException e) {
        if (measured) {
          failures.add(e, failedUnits);
        }
        // Pushback: back off briefly instead of spinning on the rejection.
        sleepMillis(1);
      }
    }
  }

  private static void sleepMillis(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + t.getName(), e);
    }
  }
}
