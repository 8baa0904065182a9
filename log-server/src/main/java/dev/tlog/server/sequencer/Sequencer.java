package dev.tlog.server.sequencer;

import dev.tlog.server.errors.OverloadedException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.errors.UnavailableException;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.integrate.BatchIntegrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders appends and hands them to the {@link BatchIntegrator} in batches on one dedicated writer
 * thread. A request (one entry or an all-or-nothing batch) is never split across batches.
 *
 * <p>{@link #submit} is thread-safe and never blocks: when the queue holds {@code queueCapacity}
 * entries it throws {@link OverloadedException}. {@link #close} stops accepting, integrates every
 * request already queued, then stops the writer.
 */
public final class Sequencer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Sequencer.class.getName());

  private final BatchIntegrator integrator;
  private final SequencerLimits limits;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedEntries = new AtomicInteger();
  private final Thread writer;
  private volatile boolean closed;

  public Sequencer(BatchIntegrator integrator, SequencerLimits limits) {
    this.integrator = integrator;
    this.limits = limits;
    this.writer = new Thread(this::run, "tlog-writer");
    this.writer.start();
  }

  /**
   * Queues {@code entries} to be appended together; the future completes, after the batch is
   * durable and signed, with one result per entry. Entries must already be admitted (non-empty,
   * within limits) and at most {@code maxBatchEntries} long.
   */
  public CompletableFuture<List<AppendResult>> submit(List<byte[]> entries) {
    if (entries.isEmpty() || entries.size() > limits.maxBatchEntries()) {
      throw new IllegalArgumentException(
          "request must hold 1.." + limits.maxBatchEntries() + " entries, got " + entries.size());
    }
    if (closed) {
      throw new UnavailableException("the log is shutting down");
    }
    int n = entries.size();
    if (queuedEntries.addAndGet(n) > limits.queueCapacity()) {
      queuedEntries.addAndGet(-n);
      throw new OverloadedException(
          "sequencer queue is full (" + limits.queueCapacity() + " entries); retry later",
          retryHint());
    }
    Pending p = new Pending(List.copyOf(entries), new CompletableFuture<>());
    queue.add(p);
    if (closed && queue.remove(p)) {
      queuedEntries.addAndGet(-n);
      throw new UnavailableException("the log is shutting down");
    }
    return p.result;
  }

  /** Entries queued and not yet integrated. */
  public int queuedEntries() {
    return queuedEntries.get();
  }

  private Duration retryHint() {
    return limits.maxBatchDelay().multipliedBy(2).plusMillis(100);
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    Pending carry = null;
    while (true) {
      try {
        Pending first = carry != null ? carry : queue.poll(50, TimeUnit.MILLISECONDS);
        carry = null;
        if (first == null) {
          if (closed && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        int count = first.entries.size();
        long deadline = System.nanoTime() + limits.maxBatchDelay().toNanos();
        while (count < limits.maxBatchEntries()) {
          long wait = deadline - System.nanoTime();
          Pending more = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
          if (more == null) {
            break;
          }
          if (count + more.entries.size() > limits.maxBatchEntries()) {
            carry = more;
            break;
          }
          batch.add(more);
          count += more.entries.size();
        }
        integrate(batch, count);
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(batch, new UnavailableException("the log writer was interrupted"));
        return;
      }
    }
  }

  private void integrate(List<Pending> batch, int count) {
    List<List<byte[]>> requests = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      requests.add(p.entries);
    }
    try {
      List<List<AppendResult>> results = integrator.integrate(requests);
      queuedEntries.addAndGet(-count);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result.complete(results.get(i));
      }
    } catch (RuntimeException e) {
      queuedEntries.addAndGet(-count);
      LOG.log(System.Logger.Level.ERROR, "batch of " + count + " entries failed", e);
      fail(
          batch,
          e instanceof StorageException
              ? e
              : new StorageException("append failed: " + e.getMessage(), e));
    }
  }

  private static void fail(List<Pending> batch, RuntimeException e) {
    for (Pending p : batch) {
      p.result.completeExceptionally(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Pending(List<byte[]> entries, CompletableFuture<List<AppendResult>> result) {}
}
