package dev.tlog.server.api.grpc;

import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.sequencer.Sequencer;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One AppendStream call. Acknowledgements are sent in request order. Flow control: at most {@link
 * #WINDOW} entries of one stream are in flight; the next request message is pulled from the client
 * only when an acknowledgement goes out. The first failure ends the stream with its status after
 * every earlier acknowledgement has been sent.
 */
final class AppendStreamHandler implements StreamObserver<AppendRequest> {
  /** Entries of one stream that may be queued but not yet acknowledged. */
  static final int WINDOW = 256;

  private final AppendLimits limits;
  private final Sequencer sequencer;
  private final ServerCallStreamObserver<AppendResponse> out;
  private final Function<AppendResult, AppendResponse> toProto;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  private boolean failed;

  AppendStreamHandler(
      AppendLimits limits,
      Sequencer sequencer,
      ServerCallStreamObserver<AppendResponse> out,
      Function<AppendResult, AppendResponse> toProto) {
    this.limits = limits;
    this.sequencer = sequencer;
    this.out = out;
    this.toProto = toProto;
    out.disableAutoRequest();
    out.request(WINDOW);
  }

  @Override
  public synchronized void onNext(AppendRequest request) {
    if (failed) {
      return;
    }
    CompletableFuture<List<AppendResult>> result;
    try {
      List<byte[]> entries = List.of(request.getData().toByteArray());
      limits.check(entries);
      result = sequencer.submit(entries);
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<List<AppendResult>> r = result;
    tail = tail.thenCompose(v -> r.handle((ok, err) -> deliver(ok, err)));
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
    out.onNext(toProto.apply(ok.get(0)));
    out.request(1);
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
