package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

  private Process startServer(ProcessBuilder.Redirect stderr) throws Exception {
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
            "1");
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

  @Test
  void sigtermFinishesInFlightBatchesAndStopsCleanly() throws Exception {
    Path err = dir.resolveSibling(dir.getFileName() + "-stderr.txt");
    checkAcknowledgedSurvive(startServer(ProcessBuilder.Redirect.to(err.toFile())), false);
    String log = java.nio.file.Files.readString(err);
    assertTrue(log.contains("tlog-server: stopped cleanly"), log);
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
