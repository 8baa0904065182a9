package dev.tlog.server.api.grpc;

import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.integrate.Submitted;
import dev.tlog.server.sequencer.Sequencer;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One AppendStream call. Acknowledgements are sent in request order, each with the checkpoint only
 * when it differs from the last one this stream sent. Flow control both ways: at most {@link
 * #WINDOW} entries of one stream are queued but not acknowledged, and a request message is pulled
 * from the client only while the outbound side is ready, so a client that stops reading its
 * acknowledgements stops the server reading its entries instead of growing a buffer. The first
 * failure ends the stream with its status after every earlier acknowledgement has been sent.
 */
final class AppendStreamHandler implements StreamObserver<AppendRequest> {
  /** Entries of one stream that may be queued but not yet acknowledged. */
  static final int WINDOW = 1024;

  private final Function<List<byte[]>, List<Submitted>> admission;
  private final Sequencer sequencer;
  private final ServerCallStreamObserver<AppendResponse> out;
  private final Function<AppendResult, AppendResponse.Builder> toProto;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  private long lastCheckpointSize = -1;
  // Requests we may still ask the client for: WINDOW minus those received and not yet answered.
  private int credit = WINDOW;
  private boolean failed;

  /** {@code admission} admits one message's entry for this call's appender. */
  AppendStreamHandler(
      Function<List<byte[]>, List<Submitted>> admission,
      Sequencer sequencer,
      ServerCallStreamObserver<AppendResponse> out,
      Function<AppendResult, AppendResponse.Builder> toProto) {
    this.admission = admission;
    this.sequencer = sequencer;
    this.out = out;
    this.toProto = toProto;
    out.disableAutoRequest();
    out.setOnReadyHandler(this::pull);
    pull();
  }

  /** Asks the client for as many requests as the window allows, while the outbound is ready. */
  private synchronized void pull() {
    if (!failed && credit > 0 && out.isReady()) {
      out.request(credit);
      credit = 0;
    }
  }

  @Override
  public synchronized void onNext(AppendRequest request) {
    if (failed) {
      return;
    }
    CompletableFuture<List<AppendResult>> result;
    try {
      result = sequencer.submit(admission.apply(List.of(request.getData().toByteArray())));
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<List<AppendResult>> r = result;
    tail = tail.thenCompose(v -> r.handle(this::deliver));
  }

  private synchronized Void deliver(List<AppendResult> ok, Throwable err) {
    if (failed) {
      return null;
    }
    if (err != null) {
      failed = true;
      out.onError(GrpcErrors.toStatus(err));
      return null;
    }
    AppendResult result = ok.get(0);
    AppendResponse.Builder ack = toProto.apply(result);
    if (result.checkpoint().size() != lastCheckpointSize) {
      lastCheckpointSize = result.checkpoint().size();
      ack.setCheckpoint(result.checkpoint().note());
    }
    out.onNext(ack.build());
    credit++;
    pull();
    return null;
  }

  @Override
  public synchronized void onError(Throwable t) {
    failed = true;
  }

  @Override
  public synchronized void onCompleted() {
    tail =
        tail.thenRun(
            () -> {
              synchronized (this) {
                if (!failed) {
                  out.onCompleted();
                }
              }
            });
  }
}
