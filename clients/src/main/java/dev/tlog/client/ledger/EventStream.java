package dev.tlog.client.ledger;

import dev.tlog.client.AppendReceipt;
import dev.tlog.client.LogAppender;
import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogUnavailableException;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.StreamingAppender;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Records events over an append stream ({@link StreamingAppender}): back-pressure (at most {@code
 * window} events unacknowledged; {@link #submit} blocks beyond that), receipts verified in groups,
 * and bounded retries. When a stream breaks, every event it had not acknowledged fails there; this
 * class re-sends those events on a new stream, at most {@code retry.maxAttempts()} sends per event,
 * waiting {@code retry.delay} before each new stream. Re-sending is safe because the same
 * submission gives the same entry, which the log answers with its existing index (then the receipt
 * says {@code duplicate}).
 *
 * <p>Which failures are retried: a broken or unreachable stream ({@link LogUnavailableException});
 * and when the log refuses one event ({@link LogRequestException}, e.g. its time is too old) it
 * ends the stream after acknowledging everything before it, so the earliest unacknowledged event is
 * the refused one and fails with that error, while the later ones are re-sent. A receipt that does
 * not verify fails at once, never retried.
 *
 * <p>Threading: submit and close from one thread at a time; futures complete on the stream's verify
 * thread or the submitting thread.
 */
public final class EventStream implements AutoCloseable {
  private record Attempt(
      long seq,
      Event event,
      byte[] submission,
      Hash leaf,
      int number,
      CompletableFuture<EventReceipt> result) {
    Attempt next() {
      return new Attempt(seq, event, submission, leaf, number + 1, result);
    }
  }

  private record Failed(Attempt attempt, Throwable error) {}

  private final LogAppender appender;
  private final int window;
  private final RetryPolicy retry;
  private final List<Failed> failed = new ArrayList<>();
  private StreamingAppender current;
  private long seq;
  private boolean closed;

  EventStream(LogAppender appender, int window, RetryPolicy retry) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    this.appender = appender;
    this.window = window;
    this.retry = retry;
  }

  /** Sends {@code e}; the future completes with its verified receipt or its final failure. */
  public CompletableFuture<EventReceipt> submit(Event e) {
    if (closed) {
      throw new IllegalStateException("event stream is closed");
    }
    while (hasFailures()) {
      recover();
    }
    Attempt a =
        new Attempt(
            seq++,
            e,
            EventCodec.submission(e),
            EventRecorder.committedLeaf(e),
            1,
            new CompletableFuture<>());
    send(a);
    return a.result();
  }

  /** Half-closes the stream, waits for every receipt, re-sending what a broken stream dropped. */
  @Override
  public void close() {
    closed = true;
    while (true) {
      if (current != null) {
        current.close();
        current = null;
      }
      if (!hasFailures()) {
        return;
      }
      recover();
    }
  }

  private void send(Attempt a) {
    if (current == null) {
      current = appender.openStream(window);
    }
    current.submit(a.submission(), a.leaf()).whenComplete((r, err) -> settle(a, r, err));
  }

  private void settle(Attempt a, AppendReceipt r, Throwable err) {
    if (err == null) {
      a.result().complete(new EventReceipt(a.event(), r));
      return;
    }
    Throwable cause =
        err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (cause instanceof LogUnavailableException || cause instanceof LogRequestException) {
      synchronized (failed) {
        failed.add(new Failed(a, cause));
      }
    } else {
      a.result().completeExceptionally(cause);
    }
  }

  private boolean hasFailures() {
    synchronized (failed) {
      return !failed.isEmpty();
    }
  }

  /**
   * The current stream broke: wait until it has settled every event, fail the refused ones and
   * those out of attempts, and re-send the rest on a new stream.
   */
  private void recover() {
    if (current != null) {
      current.close();
      current = null;
    }
    List<Failed> all;
    synchronized (failed) {
      all = new ArrayList<>(failed);
      failed.clear();
    }
    all.sort(Comparator.comparingLong(f -> f.attempt().seq()));
    Map<Throwable, Boolean> blamed = new IdentityHashMap<>();
    List<Attempt> again = new ArrayList<>();
    int highest = 0;
    for (Failed f : all) {
      boolean refused =
          f.error() instanceof LogRequestException && blamed.putIfAbsent(f.error(), true) == null;
      if (refused || f.attempt().number() >= retry.maxAttempts()) {
        f.attempt().result().completeExceptionally(f.error());
      } else {
        again.add(f.attempt().next());
        highest = Math.max(highest, f.attempt().number());
      }
    }
    if (again.isEmpty()) {
      return;
    }
    sleep(retry.delay(highest, null).toMillis());
    for (Attempt a : again) {
      send(a);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogUnavailableException("interrupted while waiting to re-send events", e);
    }
  }
}
