package dev.tlog.server.sequencer;

import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.errors.StorageFullException;
import dev.tlog.server.errors.UnavailableException;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.integrate.SealedBatch;
import dev.tlog.server.integrate.Slot;
import dev.tlog.server.storage.LogStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The writer stage: one thread that does nothing but commit sealed batches to storage, in order,
 * one durable transaction each. After a commit it hands the batch to the acknowledgement thread,
 * which publishes the checkpoint and completes the requests (so response serialisation never runs
 * on the writer). A batch that does not start at the durable size (it was built on a batch that
 * failed) is refused without touching storage.
 */
public final class BatchWriter {
  private static final System.Logger LOG = System.getLogger(BatchWriter.class.getName());

  private final LogStorage storage;
  private final Consumer<SignedCheckpoint> onDurable;
  private final Failpoint failpoint;
  private final BatchObserver observer;
  private final SynchronousQueue<Work> handoff = new SynchronousQueue<>();
  private final ExecutorService acks;
  private final Thread thread;
  private volatile boolean idle;
  private volatile long failures;
  private volatile SignedCheckpoint durable;

  /**
   * Starts the writer on storage whose signed checkpoint is {@code current}; {@code onDurable}
   * receives each new checkpoint, on the acknowledgement thread, before its appends are answered.
   */
  public BatchWriter(
      LogStorage storage, SignedCheckpoint current, Consumer<SignedCheckpoint> onDurable) {
    this(storage, current, onDurable, BatchObserver.NONE, Failpoint.NONE);
  }

  /**
   * As above, telling {@code observer} of every committed batch (metrics) and crashing the process
   * at {@code failpoint} (crash tests only; {@link Failpoint#NONE} otherwise).
   */
  public BatchWriter(
      LogStorage storage,
      SignedCheckpoint current,
      Consumer<SignedCheckpoint> onDurable,
      BatchObserver observer,
      Failpoint failpoint) {
    this.storage = storage;
    this.onDurable = onDurable;
    this.observer = observer;
    this.failpoint = failpoint;
    this.durable = current;
    this.acks = Executors.newSingleThreadExecutor(r -> new Thread(r, "tlog-acks"));
    this.thread = new Thread(this::run, "tlog-writer");
    this.thread.start();
  }

  /** Whether the writer is waiting for a batch (the builder should seal now). */
  boolean idle() {
    return idle;
  }

  /** Commits that failed so far; a change tells the builder to reload. */
  long failures() {
    return failures;
  }

  /** The checkpoint of the durable size. */
  SignedCheckpoint durableCheckpoint() {
    return durable;
  }

  /** The durable size (committed and fsynced). */
  public long durableSize() {
    return durable.size();
  }

  /** Hands a sealed batch to the writer, waiting while it commits the previous one. */
  void hand(
      SealedBatch batch,
      List<CompletableFuture<List<AppendResult>>> requests,
      List<List<Slot>> slots)
      throws InterruptedException {
    handoff.put(new Work(batch, List.copyOf(requests), List.copyOf(slots)));
  }

  /** Asks the writer to stop after every batch handed so far. */
  void stop() {
    try {
      handoff.put(Work.STOP);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void awaitStopped() throws InterruptedException {
    thread.join();
    acks.shutdown();
    if (!acks.awaitTermination(30, TimeUnit.SECONDS)) {
      LOG.log(System.Logger.Level.WARNING, "acknowledgements still pending after 30 s");
    }
  }

  private void run() {
    while (true) {
      Work w;
      idle = true;
      try {
        w = handoff.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        idle = false;
      }
      if (w == Work.STOP) {
        return;
      }
      commit(w);
    }
  }

  private void commit(Work w) {
    SealedBatch b = w.batch;
    try {
      if (b.startSize() != durable.size()) {
        throw new UnavailableException(
            "batch from size "
                + b.startSize()
                + " was built on a batch that failed (durable size "
                + durable.size()
                + "); retry");
      }
      failpoint.reached(Failpoint.Stage.SIGNED);
      long start = System.nanoTime();
      b.write().ifPresent(storage::append);
      long nanos = System.nanoTime() - start;
      failpoint.reached(Failpoint.Stage.COMMITTED);
      durable = b.checkpoint();
      observer.committed(b.checkpoint().size() - b.startSize(), nanos);
      acks.execute(() -> acknowledge(w));
    } catch (RuntimeException e) {
      failures++;
      LOG.log(
          System.Logger.Level.ERROR, "committing batch from size " + b.startSize() + " failed", e);
      RuntimeException toCaller =
          e instanceof StorageException
                  || e instanceof StorageFullException
                  || e instanceof UnavailableException
              ? e
              : new StorageException("append failed: " + e.getMessage(), e);
      acks.execute(() -> w.requests.forEach(r -> r.completeExceptionally(toCaller)));
    }
  }

  private void acknowledge(Work w) {
    SignedCheckpoint cp = w.batch.checkpoint();
    try {
      onDurable.accept(cp);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "checkpoint listener failed", e);
    }
    for (int i = 0; i < w.requests.size(); i++) {
      List<Slot> slots = w.slots.get(i);
      List<AppendResult> results = new ArrayList<>(slots.size());
      for (Slot s : slots) {
        results.add(s.acknowledged(cp));
      }
      w.requests.get(i).complete(results);
      if (i == 0) {
        failpoint.reached(Failpoint.Stage.ACKNOWLEDGING);
      }
    }
  }

  private record Work(
      SealedBatch batch,
      List<CompletableFuture<List<AppendResult>>> requests,
      List<List<Slot>> slots) {
    static final Work STOP = new Work(null, List.of(), List.of());
  }
}
