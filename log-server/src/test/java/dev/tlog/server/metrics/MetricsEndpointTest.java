package dev.tlog.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.GetConsistencyProofRequest;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.SummarizeRequest;
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
 * spec/api.md, "Metrics": a real server, real appends and proofs over gRPC, real tile reads over
 * HTTP; the scrape of {@code /metrics} moved by exactly what was done, and the tree size gauge is
 * the log's checkpoint size.
 */
class MetricsEndpointTest {
  @TempDir Path dir;

  @Test
  void countersMoveByWhatWasDoneAndTheTreeSizeIsTheLogs() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      Scrape before = scrape(log);
      assertEquals(0, before.require("tlog_tree_size"));
      assertEquals(0, before.require("tlog_sequencer_queue_entries"));

      for (int i = 0; i < 3; i++) {
        log.blocking.append(AppendRequest.newBuilder().setData(bytes("one " + i)).build());
      }
      AppendBatchRequest.Builder batch = AppendBatchRequest.newBuilder();
      for (int i = 0; i < 5; i++) {
        batch.addEntries(bytes("batch " + i));
      }
      log.blocking.appendBatch(batch.build());
      StatusRuntimeException empty =
          assertThrows(
              StatusRuntimeException.class,
              () -> log.blocking.appendBatch(AppendBatchRequest.getDefaultInstance()));
      assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());

      for (int i = 0; i < 2; i++) {
        log.blocking.getInclusionProof(
            GetInclusionProofRequest.newBuilder().setIndex(i).setTreeSize(8).build());
      }
      log.blocking.getConsistencyProof(
          GetConsistencyProofRequest.newBuilder().setFirst(3).setSecond(8).build());
      // Beyond the tree: refused, so not counted as served.
      assertThrows(
          StatusRuntimeException.class,
          () ->
              log.blocking.getInclusionProof(
                  GetInclusionProofRequest.newBuilder().setIndex(9).setTreeSize(8).build()));

      assertEquals(200, log.get("/tile/0/000.p/8").statusCode());
      assertEquals(200, log.get("/tile/0/000.p/8").statusCode());
      assertEquals(200, log.get("/tile/entries/000.p/8").statusCode());
      assertEquals(404, log.get("/tile/0/000.p/9").statusCode());

      Scrape after = scrape(log);
      assertEquals(3, after.require("tlog_append_requests_total{method=\"Append\",status=\"OK\"}"));
      assertEquals(
          1, after.require("tlog_append_requests_total{method=\"AppendBatch\",status=\"OK\"}"));
      assertEquals(
          1,
          after.require(
              "tlog_append_requests_total{method=\"AppendBatch\",status=\"INVALID_ARGUMENT\"}"));
      assertEquals(8, after.require("tlog_appended_entries_total"));
      assertEquals(8, after.require("tlog_batch_entries_sum"));
      double batches = after.require("tlog_batch_entries_count");
      assertTrue(batches >= 2 && batches <= 4, "3 unary appends and one batch: " + batches);
      assertEquals(batches, after.require("tlog_batch_commit_seconds_count"));
      assertTrue(after.require("tlog_lmdb_commit_seconds_count") >= batches);
      assertEquals(2, after.require("tlog_proofs_served_total{kind=\"inclusion\"}"));
      assertEquals(1, after.require("tlog_proofs_served_total{kind=\"consistency\"}"));
      assertEquals(2, after.require("tlog_tiles_served_total{kind=\"hash\"}"));
      assertEquals(1, after.require("tlog_tiles_served_total{kind=\"entries\"}"));

      long size = log.server.signedCheckpoints().current().size();
      assertEquals(8, size);
      assertEquals(size, after.require("tlog_tree_size"));
      assertEquals(size, after.require("tlog_published_tree_size"));
      assertEquals(0, after.require("tlog_sequencer_queue_entries"));
      double used = after.require("tlog_lmdb_map_used_bytes");
      assertTrue(used > 0 && used <= after.require("tlog_lmdb_map_size_bytes"), "used " + used);
      assertTrue(after.require("tlog_checkpoint_age_seconds") >= 0);
    }
  }

  @Test
  void theScrapeIsPrometheusTextAndHealthzAnswersOk() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      HttpResponse<byte[]> metrics = log.get("/metrics");
      assertEquals(200, metrics.statusCode());
      assertEquals(
          "text/plain; version=0.0.4; charset=utf-8",
          metrics.headers().firstValue("Content-Type").orElseThrow());
      String text = new String(metrics.body(), StandardCharsets.UTF_8);
      assertTrue(text.contains("# TYPE tlog_tree_size gauge"), text);
      HttpResponse<byte[]> health = log.get("/healthz");
      assertEquals(200, health.statusCode());
      assertEquals("ok\n", new String(health.body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void ledgerQueriesAreTimedByMethod() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      for (int i = 0; i < 2; i++) {
        ledger.query(QueryRequest.newBuilder().setPageSize(10).build());
      }
      ledger.summarize(SummarizeRequest.getDefaultInstance());
      Scrape s = scrape(log);
      assertEquals(2, s.require("tlog_ledger_query_seconds_count{method=\"Query\",status=\"OK\"}"));
      assertEquals(
          1, s.require("tlog_ledger_query_seconds_count{method=\"Summarize\",status=\"OK\"}"));
    }
  }

  static Scrape scrape(TestLog log) throws Exception {
    HttpResponse<byte[]> r = log.get("/metrics");
    assertEquals(200, r.statusCode());
    return Scrape.parse(new String(r.body(), StandardCharsets.UTF_8));
  }

  private static ByteString bytes(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }
}
