package dev.tlog.client;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One append stream: {@link #submit} sends an entry and returns a future of its verified receipt.
 * Back-pressure: at most {@code window} entries are in flight; {@code submit} blocks until an
 * acknowledgement frees a slot. Receipts are verified on one background thread, in order, in
 * groups: the acknowledgements that have arrived and share a checkpoint are verified together (two
 * proofs per run of consecutive indexes, see {@link ReceiptVerifier}); if any of them fails, every
 * future of that group fails with the same error.
 *
 * <p>If the stream fails, every pending and later future fails with the translated error ({@link
 * LogUnavailableException} for transport problems); re-appending those entries is safe (dedup).
 * Submit from one thread at a time. {@link #close()} half-closes the stream and waits for the
 * outstanding acknowledgements.
 */
public final class StreamingAppender implements AutoCloseable {
  private record Pending(Hash committedLeaf, CompletableFuture<AppendReceipt> receipt) {}

  private record Acked(Pending pending, AppendAck ack, String checkpoint) {}

  private final ReceiptVerifier verifier;
  private final Semaphore window;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
  private final ExecutorService verifyThread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tlog-append-verify");
            t.setDaemon(true);
            return t;
          });
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final LogWriter.AppendStream requests;
  private volatile RuntimeException failure;

  StreamingAppender(LogWriter writer, ReceiptVerifier verifier, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    this.verifier = verifier;
    this.window = new Semaphore(window);
    this.requests = writer.openStream(new Listener());
  }

  /** Sends {@code entry}; blocks while {@code window} entries await acknowledgement. */
  public CompletableFuture<AppendReceipt> submit(byte[] entry) {
    return submit(entry, TreeHasher.leafHash(entry));
  }

  /**
   * Sends {@code data}, which the log commits as an entry with leaf hash {@code committedLeaf} (a
   * ledger event's entry, not the submission sent); blocks like {@link #submit(byte[])}.
   */
  public CompletableFuture<AppendReceipt> submit(byte[] data, Hash committedLeaf) {
    try {
      window.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogUnavailableException("interrupted while waiting for acknowledgements", e);
    }
    CompletableFuture<AppendReceipt> f = new CompletableFuture<>();
    synchronized (this) {
      if (failure != null || finished.isDone()) {
        window.release();
        f.completeExceptionally(failure != null ? failure : closed());
        return f;
      }
      pending.add(new Pending(committedLeaf, f));
      requests.send(data);
    }
    return f;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (failure == null && !finished.isDone()) {
        requests.finish();
      }
    }
    try {
      finished.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // failures were delivered to each receipt future
    }
    verifyThread.shutdown();
    try {
      verifyThread.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static VerificationException closed() {
    return new VerificationException("append stream ended before acknowledging the entry");
  }

  private synchronized void failAll(RuntimeException e) {
    for (Pending p; (p = pending.poll()) != null; ) {
      Pending q = p;
      window.release();
      verifyThread.execute(() -> q.receipt().completeExceptionally(e));
    }
  }

  /** On the verify thread: verifies what has arrived, one group per checkpoint. */
  private void drain() {
    List<Acked> group = new ArrayList<>();
    for (Acked a; (a = acked.poll()) != null; ) {
      if (!group.isEmpty() && !group.get(0).checkpoint().equals(a.checkpoint())) {
        verify(group);
        group = new ArrayList<>();
      }
      group.add(a);
    }
    if (!group.isEmpty()) {
      verify(group);
    }
  }

  private void verify(List<Acked> group) {
    List<Hash> leaves = group.stream().map(a -> a.pending().committedLeaf()).toList();
    AckBatch batch =
        new AckBatch(group.get(0).checkpoint(), group.stream().map(Acked::ack).toList());
    try {
      List<AppendReceipt> receipts = verifier.verify(leaves, batch);
      for (int i = 0; i < group.size(); i++) {
        group.get(i).pending().receipt().complete(receipts.get(i));
      }
    } catch (RuntimeException e) {
      group.forEach(a -> a.pending().receipt().completeExceptionally(e));
    }
  }

  private final class Listener implements LogWriter.AckListener {
    @Override
    public void onAck(AppendAck ack, String checkpoint) {
      Pending p;
      synchronized (StreamingAppender.this) {
        p = pending.poll();
      }
      if (p == null) {
        return;
      }
      window.release();
      acked.add(new Acked(p, ack, checkpoint));
      verifyThread.execute(StreamingAppender.this::drain);
    }

    @Override
    public void onEnd(TlogClientException e) {
      if (e != null) {
        failure = e;
      }
      failAll(e != null ? e : closed());
      finished.complete(null);
    }
  }
}
