package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that streams entries but does not read its acknowledgements must stop the server reading
 * its entries (no buffer grows without bound); once it reads, every entry is appended and
 * acknowledged in order.
 */
class StreamFlowControlTest {
  private static final int SENT = 40_000;

  @TempDir Path dir;

  @Test
  void aClientThatDoesNotReadAcksStopsTheServerReadingItsEntries() throws Exception {
    try (TestLog log =
        TestLog.start(TestLog.config(dir, new SequencerLimits(1024, Duration.ZERO, 100_000)))) {
      // A small receive window makes the server's outbound side stop being ready early.
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", log.server.grpcPort())
              .usePlaintext()
              .flowControlWindow(16 * 1024)
              .build();
      AtomicInteger received = new AtomicInteger();
      AtomicInteger sent = new AtomicInteger();
      CompletableFuture<Void> done = new CompletableFuture<>();
      ClientCallStreamObserver<AppendRequest>[] call = new ClientCallStreamObserver[1];
      LogServiceGrpc.newStub(channel)
          .appendStream(
              new ClientResponseObserver<AppendRequest, AppendResponse>() {
                @Override
                public void beforeStart(ClientCallStreamObserver<AppendRequest> requests) {
                  call[0] = requests;
                  requests.disableAutoRequestWithInitial(0); // read no acknowledgement yet
                  requests.setOnReadyHandler(
                      () -> {
                        synchronized (sent) {
                          while (requests.isReady() && sent.get() < SENT) {
                            requests.onNext(
                                AppendRequest.newBuilder()
                                    .setData(ByteString.copyFromUtf8("flow " + sent.get()))
                                    .build());
                            if (sent.incrementAndGet() == SENT) {
                              requests.onCompleted();
                            }
                          }
                        }
                      });
                }

                @Override
                public void onNext(AppendResponse r) {
                  assertEquals(received.getAndIncrement(), r.getIndex(), "acks in order");
                }

                @Override
                public void onError(Throwable t) {
                  done.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                  done.complete(null);
                }
              });
      // Without reads the appended size must level off far below what the client tried to send.
      long stable = awaitPlateau(log);
      assertTrue(
          stable < SENT / 2,
          "the server kept appending for a client that reads nothing: " + stable);
      // (The client itself may have sent everything: HTTP/2 windows hold 40000 small requests.)
      // Reading resumes the stream: every entry is appended and acknowledged.
      call[0].request(Integer.MAX_VALUE);
      done.get(60, TimeUnit.SECONDS);
      assertEquals(SENT, received.get());
      assertEquals(SENT, log.server.signedCheckpoints().current().size());
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Waits until the signed size has not moved for 500 ms; returns it. */
  private static long awaitPlateau(TestLog log) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long last = -1;
    while (System.nanoTime() < deadline) {
      long now = log.server.signedCheckpoints().current().size();
      if (now == last && now > 0) {
        return now;
      }
      last = now;
      Thread.sleep(500);
    }
    throw new AssertionError("appends never levelled off (size " + last + ")");
  }
}
