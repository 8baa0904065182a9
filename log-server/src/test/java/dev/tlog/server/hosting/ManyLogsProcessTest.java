package dev.tlog.server.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.testing.ServerProcess;
import dev.tlog.server.testing.ServerProcess.StartedLog;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/scaling.md, "Several logs in one process" and "Rolling to the next period": the real server
 * in its own JVM hosting two logs from a logs file. Each log has its own origin, key, storage and
 * listeners; entries of one never reach the other; both survive SIGKILL; closing one in the file
 * closes it for good while the other goes on.
 */
class ManyLogsProcessTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void twoLogsInOneProcessAreIndependentAndOneRollsToTheNextPeriod() throws Exception {
    Path logs = dir.resolve("logs.yaml");
    Files.writeString(logs, file(false));
    Map<String, StartedLog> first;
    try (ServerProcess server = ServerProcess.startBare(dir, "--logs", logs.toString())) {
      first = byName(server.awaitLogs(2));
      StartedLog a = first.get("audit-2026");
      StartedLog b = first.get("audit-2027");
      assertNotEquals(a.verifierKey(), b.verifierKey(), "each log has its own key");
      append(a, "2026 event", 10);
      append(b, "2027 event", 3);
      assertEquals(10, checkpoint(a, "example.com/audit/2026").size());
      assertEquals(3, checkpoint(b, "example.com/audit/2027").size());
      // One log's key does not sign for the other.
      assertThrows(
          RuntimeException.class,
          () ->
              Checkpoints.openSigned(
                  get(a, "/checkpoint"),
                  "example.com/audit/2026",
                  List.of(VerifierKeys.parse(b.verifierKey()))));
      server.kill();
    }

    // The roll: the old period's log is closed in the file, the new one goes on.
    Files.writeString(logs, file(true));
    try (ServerProcess server = ServerProcess.startBare(dir, "--logs", logs.toString())) {
      Map<String, StartedLog> now = byName(server.awaitLogs(2));
      StartedLog a = now.get("audit-2026");
      StartedLog b = now.get("audit-2027");
      assertEquals(
          first.get("audit-2026").verifierKey(), a.verifierKey(), "same key after restart");
      assertTrue(server.output().contains("closed:       at size 10"), server.output());
      StatusRuntimeException refused =
          assertThrows(StatusRuntimeException.class, () -> append(a, "late", 1));
      assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
      assertEquals(10, checkpoint(a, "example.com/audit/2026").size(), "the final checkpoint");
      append(b, "2027 event after the roll", 2);
      assertEquals(5, checkpoint(b, "example.com/audit/2027").size());
      server.kill();
    }

    // Taking "close" out of the file does not reopen the log.
    Files.writeString(logs, file(false));
    try (ServerProcess server = ServerProcess.startBare(dir, "--logs", logs.toString())) {
      StartedLog a = byName(server.awaitLogs(2)).get("audit-2026");
      StatusRuntimeException refused =
          assertThrows(StatusRuntimeException.class, () -> append(a, "later", 1));
      assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
      server.kill();
    }
  }

  @Test
  void aFlagThatSetsOneLogIsRefusedWithALogsFile() throws Exception {
    Path logs = dir.resolve("logs.yaml");
    Files.writeString(logs, file(false));
    try (ServerProcess server =
        ServerProcess.startBare(dir, "--logs", logs.toString(), "--origin", "example.com/other")) {
      assertEquals(Optional.of(2), server.awaitStart());
      assertTrue(
          server.output().contains("--origin sets one log's configuration"), server.output());
    }
  }

  @Test
  void aLogThatCannotStartStopsTheWholeStartNamingIt() throws Exception {
    Path logs = dir.resolve("logs.yaml");
    // The second log's data dir is a file: it cannot start, so neither runs.
    Files.writeString(dir.resolve("blocked"), "not a directory");
    Files.writeString(
        logs,
        "logs:\n"
            + "  - {name: good, origin: example.com/good, grpc-port: 0, http-port: 0}\n"
            + "  - {name: bad, origin: example.com/bad, grpc-port: 0, http-port: 0, data-dir: "
            + dir.resolve("blocked")
            + "}\n");
    try (ServerProcess server = ServerProcess.startBare(dir, "--logs", logs.toString())) {
      assertEquals(Optional.of(3), server.awaitStart());
      assertTrue(server.output().contains("log \"bad\""), server.output());
    }
  }

  private static Map<String, StartedLog> byName(List<StartedLog> logs) {
    Map<String, StartedLog> m = new LinkedHashMap<>();
    logs.forEach(l -> m.put(l.name(), l));
    return m;
  }

  private static String file(boolean closeOld) {
    return "logs:\n"
        + "  - name: audit-2026\n"
        + "    origin: example.com/audit/2026\n"
        + "    mode: opaque\n"
        + "    grpc-port: 0\n"
        + "    http-port: 0\n"
        + (closeOld ? "    close: true\n" : "")
        + "  - name: audit-2027\n"
        + "    origin: example.com/audit/2027\n"
        + "    mode: opaque\n"
        + "    grpc-port: 0\n"
        + "    http-port: 0\n";
  }

  private static void append(StartedLog log, String prefix, int n) throws InterruptedException {
    ManagedChannel ch =
        ManagedChannelBuilder.forAddress("127.0.0.1", log.grpcPort()).usePlaintext().build();
    try {
      AppendBatchRequest.Builder batch = AppendBatchRequest.newBuilder();
      for (int i = 0; i < n; i++) {
        batch.addEntries(ByteString.copyFromUtf8(prefix + " " + i));
      }
      LogServiceGrpc.newBlockingStub(ch).appendBatch(batch.build());
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static Checkpoint checkpoint(StartedLog log, String origin) throws Exception {
    return Checkpoints.openSigned(
        get(log, "/checkpoint"), origin, List.of(VerifierKeys.parse(log.verifierKey())));
  }

  private static byte[] get(StartedLog log, String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + log.httpPort() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }
}
