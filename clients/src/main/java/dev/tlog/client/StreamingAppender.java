package dev.tlog.client;

import com.google.protobuf.ByteString;
import dev.tlog.client.transport.GrpcCalls;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One {@code AppendStream}: {@link #submit} sends an entry and returns a future of its verified
 * receipt. Back-pressure: at most {@code window} entries are in flight; {@code submit} blocks until
 * an acknowledgement frees a slot. Receipts are verified on one background thread, in order.
 *
 * <p>If the stream fails, every pending and later future fails with the translated error ({@link
 * LogUnavailableException} for transport problems); re-appending those entries is safe (dedup).
 * Submit from one thread at a time. {@link #close()} half-closes the stream and waits for the
 * outstanding acknowledgements.
 */
public final class StreamingAppender implements AutoCloseable {
  private record Pending(byte[] entry, CompletableFuture<AppendReceipt> receipt) {}

  private final ReceiptVerifier verifier;
  private final Semaphore window;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final ExecutorService verifyThread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tlog-append-verify");
            t.setDaemon(true);
            return t;
          });
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final ClientCallStreamObserver<AppendRequest> requests;
  private volatile RuntimeException failure;

  StreamingAppender(ManagedChannel channel, ReceiptVerifier verifier, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    this.verifier = verifier;
    this.window = new Semaphore(window);
    Responses responses = new Responses();
    LogServiceGrpc.newStub(channel).appendStream(responses);
    this.requests = responses.requests;
  }

  /** Sends {@code entry}; blocks while {@code window} entries await acknowledgement. */
  public CompletableFuture<AppendReceipt> submit(byte[] entry) {
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
      pending.add(new Pending(entry.clone(), f));
      requests.onNext(AppendRequest.newBuilder().setData(ByteString.copyFrom(entry)).build());
    }
    return f;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (failure == null && !finished.isDone()) {
        requests.onCompleted();
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

  private final class Responses implements ClientResponseObserver<AppendRequest, AppendResponse> {
    ClientCallStreamObserver<AppendRequest> requests;

    @Override
    public void beforeStart(ClientCallStreamObserver<AppendRequest> requestStream) {
      this.requests = requestStream;
    }

    // Acks carry the checkpoint only when it changed; until then the last one sent covers them.
    private String lastCheckpoint = "";

    @Override
    public void onNext(AppendResponse ack) {
      if (!ack.getCheckpoint().isEmpty()) {
        lastCheckpoint = ack.getCheckpoint();
      }
      AppendResponse r = ack.toBuilder().setCheckpoint(lastCheckpoint).build();
      Pending p;
      synchronized (StreamingAppender.this) {
        p = pending.poll();
      }
      if (p == null) {
        return;
      }
      window.release();
      verifyThread.execute(
          () -> {
            try {
              p.receipt().complete(verifier.verify(p.entry(), r));
            } catch (RuntimeException e) {
              p.receipt().completeExceptionally(e);
            }
          });
    }

    @Override
    public void onError(Throwable t) {
      RuntimeException e = GrpcCalls.translate("AppendStream", t, 1);
      failure = e;
      failAll(e);
      finished.complete(null);
    }

    @Override
    public void onCompleted() {
      failAll(closed());
      finished.complete(null);
    }
  }
}
