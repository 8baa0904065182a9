package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.WatchCheckpointsRequest;
import dev.tlog.server.api.grpc.GrpcLimits;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WatchCheckpoints (spec/api.md): thousands of watchers that read nothing add no work to the
 * acknowledgement thread, appends go on, every watcher that reads gets the latest checkpoint with
 * sizes increasing, and the number of open watchers is bounded.
 */
class WatchCheckpointsTest {
  private static final int UNREAD = 2_000;
  private static final int RESUMED = 20;
  private static final int READING = 3;
  private static final int APPENDS = 50;

  @TempDir Path dir;

  /** One WatchCheckpoints call as the client sees it. */
  private static final class Watch
      implements ClientResponseObserver<WatchCheckpointsRequest, GetCheckpointResponse> {
    final List<Long> sizes = new CopyOnWriteArrayList<>();
    final CountDownLatch first = new CountDownLatch(1);
    final CompletableFuture<Throwable> error = new CompletableFuture<>();
    final int initialRequest;
    ClientCallStreamObserver<WatchCheckpointsRequest> call;

    /** {@code initialRequest} messages are read; -1 reads everything. */
    Watch(int initialRequest) {
      this.initialRequest = initialRequest;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchCheckpointsRequest> call) {
      this.call = call;
      if (initialRequest >= 0) {
        call.disableAutoRequestWithInitial(initialRequest);
      }
    }

    @Override
    public void onNext(GetCheckpointResponse r) {
      sizes.add(r.getSize());
      first.countDown();
    }

    @Override
    public void onError(Throwable t) {
      error.complete(t);
      first.countDown();
    }

    @Override
    public void onCompleted() {}

    long last() {
      return sizes.isEmpty() ? -1 : sizes.get(sizes.size() - 1);
    }
  }

  private static Watch watch(ManagedChannel channel, int initialRequest) {
    Watch w = new Watch(initialRequest);
    LogServiceGrpc.newStub(channel)
        .watchCheckpoints(WatchCheckpointsRequest.getDefaultInstance(), w);
    return w;
  }

  private static ManagedChannel channel(TestLog log) {
    return NettyChannelBuilder.forAddress("127.0.0.1", log.server.grpcPort())
        .usePlaintext()
        .build();
  }

  @Test
  void unreadWatchersAddNoWorkToTheAcknowledgementThread() throws Exception {
    // All UNREAD watchers share one connection: allow them all (GrpcConnectionLimitsTest covers
    // the per-connection limit itself).
    try (TestLog log =
        TestLog.start(
            TestLog.config(dir)
                .withGrpcLimits(
                    GrpcLimits.defaults().withMaxConcurrentCallsPerConnection(10 * UNREAD)))) {
      CheckpointFeed published = log.server.publishedCheckpoints();
      int listenersWithoutWatchers = published.listenerCount();
      // Separate connections: unread streams hold their connection's HTTP/2 window, which must not
      // starve the watchers that do read.
      ManagedChannel unreadChannel = channel(log);
      ManagedChannel resumedChannel = channel(log);
      List<Watch> unread = new ArrayList<>();
      for (int i = 0; i < UNREAD; i++) {
        // Reads the first checkpoint (so the call is known to be open on the server), then nothing.
        unread.add(watch(unreadChannel, 1));
      }
      List<Watch> resumed = new ArrayList<>();
      for (int i = 0; i < RESUMED; i++) {
        resumed.add(watch(resumedChannel, 1));
      }
      List<Watch> reading = new ArrayList<>();
      for (int i = 0; i < READING; i++) {
        reading.add(watch(log.channel, -1));
      }
      for (Watch w : concat(unread, resumed, reading)) {
        assertTrue(w.first.await(60, TimeUnit.SECONDS), "every watcher got its first checkpoint");
        assertTrue(w.error.getNow(null) == null, () -> "watch failed: " + w.error.getNow(null));
      }

      // Structural: each publish runs the feed's listeners on the acknowledgement thread; opening
      // 2,023 watchers must not add one per watcher.
      assertEquals(
          listenersWithoutWatchers,
          published.listenerCount(),
          "listeners run by each publish, with " + (UNREAD + RESUMED + READING) + " watchers");

      var appender = log.blocking.withDeadlineAfter(60, TimeUnit.SECONDS);
      for (int i = 0; i < APPENDS; i++) {
        appender.append(
            AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("w" + i)).build());
      }
      long latest = published.current().size();
      assertEquals(APPENDS, latest);

      for (Watch w : resumed) {
        w.call.request(Integer.MAX_VALUE);
      }
      for (Watch w : concat(reading, resumed)) {
        awaitSize(w, latest);
        long prev = -1;
        for (long s : w.sizes) {
          assertTrue(s > prev, "sizes increase: " + w.sizes);
          prev = s;
        }
      }
      for (Watch w : concat(unread, resumed, reading)) {
        w.call.cancel("test done", null);
      }
      unreadChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      resumedChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void watchersBeyondTheLimitAreRefusedWithResourceExhausted() throws Exception {
    try (TestLog log = TestLog.start(TestLog.withMaxWatchers(TestLog.config(dir), 3))) {
      List<Watch> open = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Watch w = watch(log.channel, -1);
        assertTrue(w.first.await(30, TimeUnit.SECONDS));
        assertEquals(0, w.last(), "a watcher first gets the current checkpoint");
        open.add(w);
      }
      Watch refused = watch(log.channel, -1);
      Throwable t = refused.error.get(30, TimeUnit.SECONDS);
      Status status = assertInstanceOf(StatusRuntimeException.class, t).getStatus();
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode());
      assertTrue(status.getDescription().contains("at most 3"), status.getDescription());

      // A closed watcher frees its place.
      open.get(0).call.cancel("done", null);
      Watch again = null;
      for (int attempt = 0; attempt < 100; attempt++) {
        again = watch(log.channel, -1);
        assertTrue(again.first.await(30, TimeUnit.SECONDS));
        if (again.error.getNow(null) == null) {
          break;
        }
        Thread.sleep(50);
      }
      assertTrue(again.error.getNow(null) == null, "a place was freed by the cancelled watcher");
      log.blocking.append(AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("x")).build());
      awaitSize(again, 1);
      awaitSize(open.get(1), 1);
    }
  }

  private static void awaitSize(Watch w, long size) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (w.last() < size && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(size, w.last(), "the watcher saw the latest checkpoint: " + w.sizes);
  }

  @SafeVarargs
  private static List<Watch> concat(List<Watch>... lists) {
    List<Watch> all = new ArrayList<>();
    for (List<Watch> l : lists) {
      all.addAll(l);
    }
    return all;
  }
}
