package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.testing.Replies;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real server in its own JVM, appends from several threads, stops it in the middle with
 * SIGKILL or SIGTERM, restarts on the same data directory and checks that every acknowledged entry
 * is there at its acknowledged index and that startup verification passes.
 */
class ProcessStopTest {
  @TempDir Path dir;

  private Process startServer() throws Exception {
    return startServer(ProcessBuilder.Redirect.DISCARD);
  }

  private Process startServer(ProcessBuilder.Redirect stderr, String... flags) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "--add-opens",
            "java.base/java.nio=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.tlog.server.Main",
            "--data-dir",
            dir.toString(),
            "--origin",
            TestLog.ORIGIN,
            "--grpc-port",
            "0",
            "--http-port",
            "0",
            "--map-size-mib",
            "1",
            "--mode",
            "opaque");
    pb.command().addAll(List.of(flags));
    pb.redirectError(stderr);
    return pb.start();
  }

  private static int grpcPort(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains("gRPC:")) {
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
      }
    }
    throw new IllegalStateException("server exited before printing its port");
  }

  @Test
  void acknowledgedAppendsSurviveSigkill() throws Exception {
    checkAcknowledgedSurvive(startServer(), true);
  }

  /**
   * SIGTERM while an append is queued: it must be acknowledged (not dropped or failed) and durable.
   * Batches fill at 4 entries, the queue holds 4 and a batch waits 10 s to fill, so a 3-entry
   * AppendBatch stays queued until shutdown drains it. A 4-entry probe is refused with
   * RESOURCE_EXHAUSTED exactly when those 3 entries are queued: that, not a sleep, orders SIGTERM
   * after the append reached the queue. Every request's outcome is recorded and checked.
   */
  @Test
  void sigtermAcknowledgesQueuedAppendsAndStopsCleanly() throws Exception {
    Path err = dir.resolveSibling(dir.getFileName() + "-stderr.txt");
    Process server =
        startServer(
            ProcessBuilder.Redirect.to(err.toFile()),
            "--max-batch-entries",
            "4",
            "--queue-capacity",
            "4",
            "--batch-delay-micros",
            "10000000");
    Map<Long, String> acked = new ConcurrentHashMap<>();
    List<String> inFlight = List.of("in flight 0", "in flight 1", "in flight 2");
    AtomicReference<CompletableFuture<AppendBatchResponse>> sentInFlight = new AtomicReference<>();
    ManagedChannel channel = null;
    try {
      channel =
          NettyChannelBuilder.forAddress("127.0.0.1", grpcPort(server)).usePlaintext().build();
      LogServiceGrpc.LogServiceBlockingStub stub =
          LogServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
      for (int i = 0; i < 10; i++) {
        List<String> batch = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
          batch.add("before stop " + (i * 4 + j));
        }
        record(acked, batch, stub.appendBatch(batch(batch))); // a full batch: integrated at once
      }
      LogServiceGrpc.LogServiceStub async =
          LogServiceGrpc.newStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
      sentInFlight.set(new CompletableFuture<>());
      async.appendBatch(batch(inFlight), Replies.into(sentInFlight.get()));
      int probes = 0;
      while (true) {
        List<String> probe = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
          probe.add("probe " + probes + "." + j);
        }
        probes++;
        try {
          // Accepted only while the queue is empty: then it fills a batch alone and is acked.
          record(acked, probe, stub.appendBatch(batch(probe)));
          // A probe can win the race to the queue and get the in-flight batch refused: send again.
          if (sentInFlight.get().isCompletedExceptionally()) {
            sentInFlight.set(new CompletableFuture<>());
            async.appendBatch(batch(inFlight), Replies.into(sentInFlight.get()));
          }
        } catch (StatusRuntimeException e) {
          assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.toString());
          break;
        }
        assertTrue(probes < 1000, "the in-flight batch never reached the queue");
      }
      CompletableFuture<AppendBatchResponse> outcome = sentInFlight.get();
      assertTrue(
          !outcome.isDone(),
          () -> "the in-flight batch waits for its batch to fill, but it ended: " + outcome);
      server.destroy(); // SIGTERM
      AppendBatchResponse r = outcome.get(60, TimeUnit.SECONDS); // throws if it was not acked
      record(acked, inFlight, r);
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server did not exit");
    } finally {
      server.destroyForcibly();
      if (channel != null) {
        channel.shutdownNow();
      }
    }
    String log = java.nio.file.Files.readString(err);
    assertTrue(log.contains("tlog-server: stopped cleanly"), log);
    checkDurable(acked);
    assertTrue(acked.values().containsAll(inFlight), "in-flight entries acknowledged: " + acked);
  }

  private static void record(Map<Long, String> acked, List<String> sent, AppendBatchResponse r) {
    assertEquals(sent.size(), r.getResultsCount(), "one result per entry");
    for (int i = 0; i < sent.size(); i++) {
      acked.put(r.getResults(i).getIndex(), sent.get(i));
    }
  }

  private static AppendBatchRequest batch(List<String> entries) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    entries.forEach(e -> b.addEntries(ByteString.copyFromUtf8(e)));
    return b.build();
  }

  /** Appends from four threads until 300 are acknowledged, stops the server, checks on restart. */
  private void checkAcknowledgedSurvive(Process server, boolean kill) throws Exception {
    Map<Long, String> acked = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger counter = new AtomicInteger();
    ManagedChannel channel = null;
    try {
      int port = grpcPort(server);
      channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      LogServiceGrpc.LogServiceBlockingStub stub = LogServiceGrpc.newBlockingStub(channel);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        pool.submit(
            () -> {
              while (!stop.get()) {
                String data = "crash entry " + counter.getAndIncrement();
                try {
                  AppendResponse r =
                      stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                          .append(
                              AppendRequest.newBuilder()
                                  .setData(ByteString.copyFromUtf8(data))
                                  .build());
                  acked.put(r.getIndex(), data);
                } catch (RuntimeException e) {
                  return; // the server died
                }
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acked.size() < 300) {
        assertTrue(System.nanoTime() < deadline, "only " + acked.size() + " appends in 60 s");
        Thread.sleep(10);
      }
      if (kill) {
        server.destroyForcibly(); // SIGKILL
      } else {
        server.destroy(); // SIGTERM
      }
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server did not exit");
      stop.set(true);
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    } finally {
      server.destroyForcibly();
      if (channel != null) {
        channel.shutdownNow();
      }
    }

    checkDurable(acked);
  }

  /** Restarts on the same directory (full startup verification) and finds every acked entry. */
  private void checkDurable(Map<Long, String> acked) throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      long size = log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
      assertTrue(size >= acked.size(), "size " + size + " < acknowledged " + acked.size());
      for (Map.Entry<Long, String> e : acked.entrySet()) {
        List<String> got = new java.util.ArrayList<>();
        log.blocking
            .getEntries(
                GetEntriesRequest.newBuilder().setStart(e.getKey()).setEnd(e.getKey() + 1).build())
            .forEachRemaining(x -> got.add(x.getData().toStringUtf8()));
        assertEquals(List.of(e.getValue()), got, "entry " + e.getKey());
      }
    }
  }
}
