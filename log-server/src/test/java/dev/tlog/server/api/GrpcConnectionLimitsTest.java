package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.WatchCheckpointsRequest;
import dev.tlog.server.api.grpc.GrpcLimits;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --grpc-max-concurrent-calls-per-connection} over a real Netty server and real Netty
 * channels: one connection gets at most that many calls started; the next waits (the server never
 * sees it) until one ends, while another connection is served as usual.
 */
class GrpcConnectionLimitsTest {
  private static final int LIMIT = 4;

  @TempDir Path dir;

  /** A WatchCheckpoints call that records whether the server started it (its first checkpoint). */
  private static final class Watch
      implements ClientResponseObserver<WatchCheckpointsRequest, GetCheckpointResponse> {
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicReference<Throwable> error = new AtomicReference<>();
    ClientCallStreamObserver<WatchCheckpointsRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchCheckpointsRequest> call) {
      this.call = call;
    }

    @Override
    public void onNext(GetCheckpointResponse value) {
      started.countDown();
    }

    @Override
    public void onError(Throwable t) {
      error.set(t);
      started.countDown();
    }

    @Override
    public void onCompleted() {}
  }

  private static Watch watch(ManagedChannel channel) {
    Watch w = new Watch();
    LogServiceGrpc.newStub(channel)
        .watchCheckpoints(WatchCheckpointsRequest.getDefaultInstance(), w);
    return w;
  }

  private static ManagedChannel connect(TestLog log) {
    return NettyChannelBuilder.forAddress("127.0.0.1", log.server.grpcPort())
        .usePlaintext()
        .build();
  }

  @Test
  void callsBeyondTheLimitWaitOnTheirConnectionWhileOthersAreServed() throws Exception {
    GrpcLimits limits = GrpcLimits.defaults().withMaxConcurrentCallsPerConnection(LIMIT);
    try (TestLog log = TestLog.start(TestLog.config(dir).withGrpcLimits(limits))) {
      ManagedChannel busy = connect(log);
      ManagedChannel other = connect(log);
      try {
        List<Watch> open = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
          open.add(watch(busy));
        }
        for (Watch w : open) {
          assertTrue(w.started.await(30, TimeUnit.SECONDS), "calls within the limit start");
          assertNull(w.error.get());
        }

        Watch extra = watch(busy);
        assertFalse(
            extra.started.await(2, TimeUnit.SECONDS),
            "call " + (LIMIT + 1) + " on the same connection is not started");

        // Another connection is not affected: a unary call and a stream are served at once.
        GetCheckpointResponse cp =
            LogServiceGrpc.newBlockingStub(other)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getCheckpoint(GetCheckpointRequest.getDefaultInstance());
        assertEquals(0, cp.getSize());
        Watch elsewhere = watch(other);
        assertTrue(elsewhere.started.await(10, TimeUnit.SECONDS), "another connection is served");

        // The extra call waits (HTTP/2 MAX_CONCURRENT_STREAMS): it is not refused. When it starts
        // after a place frees is up to the client library (grpc-java's Netty client sent a
        // held-back
        // stream only with its next write in some runs), so that is not asserted here.
        assertNull(extra.error.get(), "it waited; it was not refused");
      } finally {
        busy.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        other.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theLimitMustBePositive() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> GrpcLimits.defaults().withMaxConcurrentCallsPerConnection(0));
  }
}
