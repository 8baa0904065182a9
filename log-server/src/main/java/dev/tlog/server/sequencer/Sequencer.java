package dev.tlog.server.sequencer;

import dev.tlog.server.errors.OverloadedException;
import dev.tlog.server.errors.UnavailableException;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.integrate.Integrator;
import dev.tlog.server.integrate.SealedBatch;
import dev.tlog.server.integrate.Slot;
import dev.tlog.server.integrate.Submitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders appends and makes them durable in batches, in a three-stage pipeline: the builder thread
 * groups queued requests and extends the tree through the {@link Integrator} (hashing, tiles,
 * signing) while the {@link BatchWriter} commits the previous batch, and acknowledgements are sent
 * from a third thread. A batch grows while the writer is busy, up to the limits, and is sealed as
 * soon as the writer is free: group commit with no fixed delay. A request (one entry or an
 * all-or-nothing batch) is never split across batches.
 *
 * <p>{@link #submit} is thread-safe and never blocks: when {@code queueCapacity} entries are queued
 * or in flight it throws {@link OverloadedException}. {@link #close} stops accepting, makes every
 * request already queued durable and acknowledges it, then stops the threads.
 */
public final class Sequencer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Sequencer.class.getName());
  private static final long BUSY_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  private final Integrator integrator;
  private final BatchWriter writer;
  private final SequencerLimits limits;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedEntries = new AtomicInteger();
  private final Thread builder;
  private volatile boolean closed;
  // Set when the builder stopped on an unrecoverable failure, before closed.
  private volatile String stopReason;

  /** Starts the pipeline; {@code writer} must start from the state {@code integrator} loaded. */
  public Sequencer(Integrator integrator, BatchWriter writer, SequencerLimits limits) {
    this.integrator = integrator;
    this.writer = writer;
    this.limits = limits;
    this.builder = new Thread(this::build, "tlog-builder");
    this.builder.start();
  }

  /**
   * Queues {@code entries} to be appended together; the future completes, after the batch is
   * durable and signed, with one result per entry. Entries must already be admitted (non-empty,
   * within limits) and at most {@code maxBatchEntries} long.
   */
  public CompletableFuture<List<AppendResult>> submit(List<Submitted> entries) {
    if (entries.isEmpty() || entries.size() > limits.maxBatchEntries()) {
      throw new IllegalArgumentException(
          "request must hold 1.." + limits.maxBatchEntries() + " entries, got " + entries.size());
    }
    if (closed) {
      throw new UnavailableException(refusal());
    }
    int n = entries.size();
    if (queuedEntries.addAndGet(n) > limits.queueCapacity()) {
      queuedEntries.addAndGet(-n);
      throw new OverloadedException(
          "sequencer queue is full (" + limits.queueCapacity() + " entries); retry later",
          retryHint());
    }
    Pending p = new Pending(List.copyOf(entries), bytes(entries), new CompletableFuture<>());
    // The caller's future completes only after the entries left the count: a caller that appends
    // again as soon as it is answered must find the room its request freed.
    CompletableFuture<List<AppendResult>> answer = new CompletableFuture<>();
    p.result.whenComplete(
        (r, e) -> {
          queuedEntries.addAndGet(-n);
          if (e != null) {
            answer.completeExceptionally(e);
          } else {
            answer.complete(r);
          }
        });
    queue.add(p);
    if (closed && queue.remove(p)) {
      p.result.completeExceptionally(new UnavailableException(refusal()));
    }
    return answer;
  }

  private String refusal() {
    String reason = stopReason;
    return reason == null
        ? "the log is shutting down"
        : "the log stopped appending after an unrecoverable failure (" + reason + ")";
  }

  /**
   * Why the builder stopped taking appends after an unrecoverable failure; empty while it runs (and
   * after an ordinary {@link #close}).
   */
  public java.util.Optional<String> failure() {
    return java.util.Optional.ofNullable(stopReason);
  }

  /** Whether appends are refused: closed, or stopped by a failure. */
  public boolean stopped() {
    return closed;
  }

  /** Entries queued or in flight, not yet acknowledged. */
  public int queuedEntries() {
    return queuedEntries.get();
  }

  private Duration retryHint() {
    return limits.maxBatchDelay().multipliedBy(2).plusMillis(100);
  }

  private static long bytes(List<Submitted> entries) {
    long n = 0;
    for (Submitted e : entries) {
      n += e.bytes();
    }
    return n;
  }

  private void build() {
    Batch batch = new Batch();
    Pending carry = null;
    long failuresSeen = 0;
    try {
      while (true) {
        try {
          if (writer.failures() != failuresSeen) {
            failuresSeen = writer.failures();
            batch = restart(batch, "an earlier batch failed to commit; retry");
          }
          Pending p = carry != null ? carry : queue.poll(waitNanos(batch), TimeUnit.NANOSECONDS);
          carry = null;
          if (p == WAKE) {
            p = null;
          }
          if (p != null && writer.failures() != failuresSeen) {
            carry = p; // restart first, so p is not deduplicated against a batch that failed
            continue;
          }
          if (p == null) {
            if (batch.isEmpty()) {
              if (closed && queue.isEmpty()) {
                return;
              }
            } else if (closed
                || writer.idle() && batch.waited() >= limits.maxBatchDelay().toNanos()) {
              batch = seal(batch);
            }
            continue;
          }
          if (!batch.isEmpty()
              && (batch.entries + p.entries.size() > limits.maxBatchEntries()
                  || batch.bytes + p.bytes > limits.maxBatchBytes())) {
            carry = p;
            batch = seal(batch);
            continue;
          }
          batch.add(p);
          batch.landed(integrator.add(p.entries));
          if (batch.entries >= limits.maxBatchEntries()) {
            batch = seal(batch);
          }
        } catch (RuntimeException e) {
          // The tree in memory may be half-extended: drop the open batch and start over from disk.
          LOG.log(System.Logger.Level.ERROR, "building a batch failed", e);
          batch = restart(batch, "the log could not build the batch; retry");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      batch.fail(new UnavailableException("the log's builder was interrupted"));
    } catch (RuntimeException | Error e) {
      // Unrecoverable (the state cannot be reloaded, or the JVM ran out of memory): stop taking
      // appends so callers get UNAVAILABLE at once instead of waiting on a queue nobody drains.
      stopReason = e.toString();
      closed = true;
      LOG.log(System.Logger.Level.ERROR, "the log cannot append any more: " + stopReason, e);
      batch.fail(new UnavailableException("the log cannot append: " + stopReason));
    } finally {
      if (carry != null) {
        carry.result.completeExceptionally(new UnavailableException(refusal()));
      }
      closed = true;
      Pending p;
      while ((p = queue.poll()) != null) {
        if (p != WAKE) {
          p.result.completeExceptionally(new UnavailableException(refusal()));
        }
      }
      writer.stop();
    }
  }

  /** Fails the open batch and returns to the durable state (throws if that is impossible). */
  private Batch restart(Batch batch, String why) {
    batch.fail(new UnavailableException(why));
    integrator.reload(writer.durableCheckpoint());
    return new Batch();
  }

  private long waitNanos(Batch batch) {
    if (batch.isEmpty()) {
      return TimeUnit.MILLISECONDS.toNanos(50);
    }
    if (closed) {
      return 0; // stopping: commit what is queued now, do not wait for more
    }
    // The delay counts from the batch's first request, whether or not the writer was busy then.
    return writer.idle()
        ? Math.max(0, limits.maxBatchDelay().toNanos() - batch.waited())
        : BUSY_POLL_NANOS;
  }

  private Batch seal(Batch batch) throws InterruptedException {
    SealedBatch sealed = integrator.seal();
    writer.hand(sealed, batch.requests, batch.slots);
    return new Batch();
  }

  @Override
  public void close() {
    closed = true;
    queue.add(WAKE); // end a wait for more requests at once
    try {
      builder.join();
      writer.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The requests of the open batch and where their entries landed. */
  private static final class Batch {
    final List<CompletableFuture<List<AppendResult>>> requests = new ArrayList<>();
    final List<List<Slot>> slots = new ArrayList<>();
    int entries;
    long bytes;
    long openedAt;

    boolean isEmpty() {
      return requests.isEmpty();
    }

    /** Nanoseconds since the first request joined. */
    long waited() {
      return System.nanoTime() - openedAt;
    }

    void add(Pending p) {
      if (requests.isEmpty()) {
        openedAt = System.nanoTime();
      }
      requests.add(p.result);
      entries += p.entries.size();
      bytes += p.bytes;
    }

    void landed(List<Slot> where) {
      slots.add(where);
    }

    void fail(RuntimeException e) {
      requests.forEach(r -> r.completeExceptionally(e));
    }
  }

  /** Queued by {@link #close} to wake the builder; never a request. */
  private static final Pending WAKE = new Pending(List.of(), 0, new CompletableFuture<>());

  private record Pending(
      List<Submitted> entries, long bytes, CompletableFuture<List<AppendResult>> result) {}
}
