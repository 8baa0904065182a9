package dev.tlog.bench.load;

import dev.tlog.proto.v1.AppendBatchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Fills the log to an exact size with {@code AppendBatch} calls of up to 1000 entries from 4
 * callers. A rejected batch (pushback) is retried after a short pause.
 */
public final class LogFiller {
  private static final int BATCH = 1000;
  private static final int CALLERS = 4;

  private final LogClient client;
  private final EntrySource entries;

  public LogFiller(LogClient client, EntrySource entries) {
    this.client = client;
    this.entries = entries;
  }

  /** Appends until the log holds {@code target} entries; returns what the filling achieved. */
  public Outcome fillTo(long target) {
    long missing = target - client.size();
    AtomicLong toClaim = new AtomicLong(Math.max(0, missing));
    LongAdder done = new LongAdder();
    Failures failures = new Failures();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < CALLERS; i++) {
      Thread t = new Thread(() -> fill(toClaim, done, failures), "filler-" + i);
      threads.add(t);
      t.start();
    }
    threads.forEach(ClosedLoop::join);
    long elapsed = System.nanoTime() - start;
    long size = client.size();
    if (size != target) {
      throw new IllegalStateException("filled the log to " + size + " entries, wanted " + target);
    }
    return new Outcome(done.sum(), elapsed, new Histogram(3), failures.snapshot());
  }

  private void fill(AtomicLong toClaim, LongAdder done, Failures failures) {
    while (true) {
      long claimed = toClaim.getAndUpdate(r -> Math.max(0, r - BATCH));
      int n = (int) Math.min(BATCH, claimed);
      if (n == 0) {
        return;
      }
      AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
      for (int i = 0; i < n; i++) {
        b.addEntries(entries.next());
      }
      AppendBatchRequest request = b.build();
      while (true) {
        try {
          client.blocking().appendBatch(request);
          done.add(n);
          break;
        } catch (RuntimeException e) {
          failures.add(e, n);
          if (failures.errors() > 100) {
            throw new IllegalStateException(
                "filling the log keeps failing: " + failures.snapshot(), e);
          }
          pause();
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while filling", e);
    }
  }
}
