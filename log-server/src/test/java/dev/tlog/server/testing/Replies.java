package dev.tlog.server.testing;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** Async gRPC replies as futures, for tests that must not block on a call. */
public final class Replies {
  private Replies() {}

  /** An observer that completes {@code f} with the (single) reply or the call's error. */
  public static <T> StreamObserver<T> into(CompletableFuture<T> f) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        f.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        f.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }
}
