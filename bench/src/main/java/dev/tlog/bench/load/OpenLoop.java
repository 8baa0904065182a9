package dev.tlog.bench.load;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends at a fixed rate regardless of replies: request {@code i} is scheduled at {@code start + i /
 * rate}, and its latency runs from that scheduled time to its reply, so queueing anywhere (client
 * included) counts as latency. At most {@code maxOutstanding} requests may be in flight; a send
 * beyond that is counted as {@code client_dropped} rather than blocking the schedule.
 */
public final class OpenLoop {
  /** Starts one asynchronous request; calls {@code done} exactly once when it completes. */
  @FunctionalInterface
  public interface AsyncCall {
    void start(Completion done);
  }

  /** Completion of one request: units acknowledged, or the failure. */
  public interface Completion {
    void succeeded(int units);

    void failed(Throwable t);
  }

  private final double requestsPerSecond;
  private final Duration duration;
  private final int unitsPerRequest;
  private final int maxOutstanding;

  public OpenLoop(
      double requestsPerSecond, Duration duration, int unitsPerRequest, int maxOutstanding) {
    this.requestsPerSecond = requestsPerSecond;
    this.duration = duration;
    this.unitsPerRequest = unitsPerRequest;
    this.maxOutstanding = maxOutstanding;
  }

  /** Runs the schedule, then waits up to 60 s for the replies still in flight. */
  public Outcome run(AsyncCall call) {
    Histogram latency = new ConcurrentHistogram(3);
    LongAdder acked = new LongAdder();
    Failures failures = new Failures();
    Semaphore inFlight = new Semaphore(maxOutstanding);
    long periodNanos = (long) (1e9 / requestsPerSecond);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long sent = 0;
    for (long scheduled = start; scheduled < end; scheduled = start + (++sent) * periodNanos) {
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (!inFlight.tryAcquire()) {
        failures.add("client_dropped", unitsPerRequest);
        continue;
      }
      final long at = scheduled;
      call.start(
          new Completion() {
            @Override
            public void succeeded(int units) {
              latency.recordValue(Math.max(1, (System.nanoTime() - at) / 1000));
              acked.add(units);
              inFlight.release();
            }

            @Override
            public void failed(Throwable t) {
              failures.add(t, unitsPerRequest);
              inFlight.release();
            }
          });
    }
    drain(inFlight);
    long elapsed = System.nanoTime() - start;
    failures.add("offered", sent * unitsPerRequest);
    return new Outcome(acked.sum(), elapsed, latency, failures.snapshot());
  }

  private void drain(Semaphore inFlight) {
    try {
      if (!inFlight.tryAcquire(maxOutstanding, 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            (maxOutstanding - inFlight.availablePermits()) + " requests unanswered after 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while draining", e);
    }
  }
}
