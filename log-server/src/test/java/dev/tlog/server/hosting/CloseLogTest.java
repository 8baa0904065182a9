package dev.tlog.server.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.errors.LogClosedException;
import dev.tlog.server.evidence.config.CollectorsFile;
import dev.tlog.server.testing.Scrape;
import dev.tlog.server.testing.TestLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/scaling.md, "Closing a log": a closed log keeps serving its final checkpoint, entries and
 * proofs, refuses every append with FAILED_PRECONDITION, stays closed when later started without
 * asking, and says so in its metrics.
 */
class CloseLogTest {
  @TempDir Path dir;

  @Test
  void aClosedLogServesItsFinalCheckpointAndRefusesAppendsForGood() throws Exception {
    ServerConfig open = TestLog.config(dir);
    String before;
    try (TestLog log = TestLog.start(open)) {
      for (int i = 0; i < 5; i++) {
        log.blocking.append(AppendRequest.newBuilder().setData(bytes("entry " + i)).build());
      }
      before = checkpoint(log);
      assertEquals(0, scrape(log).require("tlog_log_closed"));
      assertTrue(explorerCheckpoint(log).contains("\"closed_at\":null"));
    }

    try (TestLog log = TestLog.start(open.closing())) {
      assertEquals(5, log.server.closedAt().orElseThrow());
      assertEquals(before, checkpoint(log), "the checkpoint at close is the final one");
      assertRefused(log);
      assertEquals(before, checkpoint(log), "a refused append changes nothing");
      log.blocking.getInclusionProof(
          GetInclusionProofRequest.newBuilder().setIndex(4).setTreeSize(5).build());
      HttpResponse<byte[]> tile = log.get("/tile/0/000.p/5");
      assertEquals(200, tile.statusCode());
      assertEquals(1, scrape(log).require("tlog_log_closed"));
      assertTrue(explorerCheckpoint(log).contains("\"closed_at\":5"), explorerCheckpoint(log));
    }

    // Started again without asking to close: closing cannot be undone.
    try (TestLog log = TestLog.start(open)) {
      assertEquals(5, log.server.closedAt().orElseThrow());
      assertRefused(log);
      assertEquals(before, checkpoint(log));
    }
  }

  @Test
  void anEmptyLogCanBeClosedAtSizeZero() throws Exception {
    try (TestLog log = TestLog.start(TestLog.config(dir).closing())) {
      assertEquals(0, log.server.closedAt().orElseThrow());
      assertRefused(log);
    }
  }

  @Test
  void collectorsCannotRunOnAClosedLog() throws Exception {
    ServerConfig ledger = TestLog.ledgerConfig(dir);
    try (TestLog log = TestLog.start(ledger.closing())) {
      assertTrue(log.server.closedAt().isPresent());
    }
    ServerConfig withCollectors =
        ledger.withCollectors(
            CollectorsFile.parse(
                "collectors: [{name: h, schedule: hourly, builtin: health}]", "t"));
    LogClosedException e =
        assertThrows(LogClosedException.class, () -> TestLog.start(withCollectors).close());
    assertTrue(e.getMessage().contains("--collectors cannot run on a closed log"), e.getMessage());
  }

  private static void assertRefused(TestLog log) {
    StatusRuntimeException one =
        assertThrows(
            StatusRuntimeException.class,
            () -> log.blocking.append(AppendRequest.newBuilder().setData(bytes("late")).build()));
    assertEquals(Status.Code.FAILED_PRECONDITION, one.getStatus().getCode());
    assertTrue(one.getStatus().getDescription().contains("is closed"), one.getMessage());
    StatusRuntimeException batch =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                log.blocking.appendBatch(
                    AppendBatchRequest.newBuilder().addEntries(bytes("late 2")).build()));
    assertEquals(Status.Code.FAILED_PRECONDITION, batch.getStatus().getCode());
  }

  private static String checkpoint(TestLog log) {
    return log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint();
  }

  private static String explorerCheckpoint(TestLog log) throws Exception {
    HttpResponse<byte[]> r = log.get("/api/v1/checkpoint");
    assertEquals(200, r.statusCode());
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static Scrape scrape(TestLog log) throws Exception {
    HttpResponse<byte[]> r = log.get("/metrics");
    assertEquals(200, r.statusCode());
    return Scrape.parse(new String(r.body(), StandardCharsets.UTF_8));
  }

  private static ByteString bytes(String s) {
    return ByteString.copyFromUtf8(s);
  }
}
