package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.TestLog;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AppendStream flow control with a raw {@link ClientCall}: the client sends 20,000 × 4 KB entries
 * and requests no acknowledgement. The server must stop reading — the client's {@code isReady()}
 * turns false and stays false, and the entries appended stay near the stream's window of 1024 plus
 * transport buffers — and once the client reads, every entry is acknowledged, in order. Removing
 * either the window or the readiness check in {@code AppendStreamHandler} lets the server read and
 * append everything, which this test catches.
 */
class AppendStreamWindowTest {
  private static final int SENT = 20_000;
  private static final int ENTRY_BYTES = 4096;

  /**
   * The stream's window (1024), the acknowledgements the client's 16 KiB window and the server's 32
   * KiB outbound buffer hold (under 1000 of about 75 bytes), and slack: far below {@link #SENT}.
   */
  private static final long BOUND = 4096;

  @TempDir Path dir;

  @Test
  void aClientThatReadsNoAcknowledgementStopsTheServerReading() throws Exception {
    SequencerLimits seq = new SequencerLimits(1024, Duration.ZERO, 100_000);
    ServerConfig base = TestLog.config(dir, seq);
    ServerConfig config =
        new ServerConfig(
            base.dataDir(),
            base.keyFile(),
            base.origin(),
            base.bindHost(),
            base.grpcPort(),
            base.httpPort(),
            base.initialMapSize(),
            new AppendLimits(ENTRY_BYTES + 16, seq.maxBatchEntries()),
            seq,
            base.maxEntriesPerPage(),
            base.verifyMode(),
            base.witnesses(),
            false,
            base.ledger(),
            base.maxWatchers(),
            base.clock(),
            base.collectors(),
            base.http(),
            base.security(),
            base.grpc());
    try (TestLog log = TestLog.start(config)) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", log.server.grpcPort())
              .usePlaintext()
              .flowControlWindow(16 * 1024)
              .build();
      try {
        ClientCall<AppendRequest, AppendResponse> call =
            channel.newCall(LogServiceGrpc.getAppendStreamMethod(), CallOptions.DEFAULT);
        AtomicInteger sent = new AtomicInteger();
        AtomicLong acked = new AtomicLong();
        AtomicLong outOfOrder = new AtomicLong(-1);
        CompletableFuture<Status> closed = new CompletableFuture<>();
        Runnable send =
            () -> {
              synchronized (sent) {
                while (call.isReady() && sent.get() < SENT) {
                  call.sendMessage(entry(sent.get()));
                  if (sent.incrementAndGet() == SENT) {
                    call.halfClose();
                  }
                }
              }
            };
        call.start(
            new ClientCall.Listener<>() {
              @Override
              public void onMessage(AppendResponse r) {
                long want = acked.getAndIncrement();
                if (r.getIndex() != want) {
                  outOfOrder.compareAndSet(-1, want);
                }
              }

              @Override
              public void onReady() {
                send.run();
              }

              @Override
              public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
              }
            },
            new Metadata());
        // No call.request(n): the client reads no acknowledgement.
        send.run();

        long appended = awaitStalled(log, call, sent);
        assertFalse(call.isReady(), "the client can still send: the server keeps reading");
        assertTrue(
            appended <= BOUND,
            "the server appended " + appended + " entries for a client that reads nothing");
        assertTrue(sent.get() < SENT, "the transport buffered every entry: " + sent.get());
        assertEquals(0, acked.get(), "no acknowledgement was requested");

        call.request(Integer.MAX_VALUE);
        Status status = closed.get(120, TimeUnit.SECONDS);
        assertTrue(status.isOk(), status.toString());
        assertEquals(SENT, acked.get());
        assertEquals(-1, outOfOrder.get(), "first acknowledgement out of order");
        assertEquals(SENT, log.server.signedCheckpoints().current().size());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static AppendRequest entry(int i) {
    byte[] data = new byte[ENTRY_BYTES];
    Arrays.fill(data, (byte) 'e');
    byte[] id = Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(id, 0, data, 0, id.length);
    return AppendRequest.newBuilder().setData(ByteString.copyFrom(data)).build();
  }

  /**
   * Waits until nothing moves between two looks 500 ms apart: the appended size, the entries the
   * client got to send, and the client not ready. Returns the appended size.
   */
  private static long awaitStalled(
      TestLog log, ClientCall<AppendRequest, AppendResponse> call, AtomicInteger sent)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long lastSize = -1;
    int lastSent = -1;
    while (System.nanoTime() < deadline) {
      long size = log.server.signedCheckpoints().current().size();
      int s = sent.get();
      if (size == lastSize && s == lastSent && size > 0 && !call.isReady()) {
        return size;
      }
      lastSize = size;
      lastSent = s;
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the stream never stalled: appended " + lastSize + ", sent " + lastSent + " of " + SENT);
  }
}
