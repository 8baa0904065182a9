package dev.tlog.server.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.LogServer;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.testing.S3Bucket;
import dev.tlog.server.testing.TestLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing to a real S3-compatible server (S3Proxy, filesystem-backed; it checks no signatures,
 * see {@link S3Bucket}): the bucket ends up holding, byte for byte and with the same Content-Type
 * and Cache-Control, every object the log's own HTTP API serves for its published checkpoint; after
 * a crash between the tiles and the checkpoint, or a restart, publishing resumes from the bucket's
 * checkpoint; a bucket holding another log's checkpoint, or a larger one, is refused at start; a
 * bucket that is down at start is published to once it is up, unless it then shows another history.
 */
class S3PublishingTest {
  @TempDir Path dir;
  private S3Bucket bucket;

  @BeforeEach
  void startBucket() throws Exception {
    bucket = S3Bucket.start(dir.resolve("s3"));
  }

  @AfterEach
  void stopBucket() throws Exception {
    bucket.close();
  }

  @Test
  void theBucketServesWhatTheLogServes() throws Exception {
    ServerConfig config = TestLog.config(dir.resolve("log")).withPublishing(bucket.settings(""));
    try (TestLog log = TestLog.start(config)) {
      appendBatches(log, 0, 7, 60);
      assertBucketEqualsLog(log, "");
      appendBatches(log, 7, 3, 50);
      assertBucketEqualsLog(log, "");
      String metrics = new String(log.get("/metrics").body(), StandardCharsets.UTF_8);
      long size = log.server.publishedCheckpoints().current().size();
      assertTrue(metrics.contains("tlog_publish_bucket_tree_size " + size + ".0"), metrics);
      assertTrue(metrics.contains("tlog_publish_lag_entries 0.0"), metrics);
      // For Go's tile code to read back (spec/interop/run-go-interop.sh, spec/scaling.md): the
      // bucket's objects as S3Proxy stored them, and the log's key.
      Path out = Path.of("target", "interop-published", "s3");
      if (java.nio.file.Files.exists(out)) {
        deleteTree(out);
      }
      copyTree(bucket.directory(), out);
      java.nio.file.Files.writeString(out.resolve("vkey"), log.server.verifierKey() + "\n");
    }
  }

  @Test
  void aCrashBetweenTilesAndCheckpointIsRepairedOnRestart() throws Exception {
    ServerConfig config =
        TestLog.config(dir.resolve("log")).withPublishing(bucket.settings("logs/a/"));
    byte[] older;
    try (TestLog log = TestLog.start(config)) {
      appendBatches(log, 0, 3, 60);
      awaitBucket(log);
      older = bucket.get("logs/a/checkpoint").body();
      appendBatches(log, 3, 4, 60);
      assertBucketEqualsLog(log, "logs/a/");
    }
    // What a crash after the tiles but before the checkpoint leaves: newer tiles, an older
    // checkpoint. Put the older checkpoint back through S3 itself.
    try (var store = dev.tlog.server.publish.s3.S3ObjectStore.open(bucket.settings("logs/a/"))) {
      store.put(
          "checkpoint",
          older,
          dev.tlog.merkle.tile.TileObjects.TEXT,
          dev.tlog.merkle.tile.TileObjects.NO_CACHE);
    }
    try (TestLog log = TestLog.start(config)) {
      assertBucketEqualsLog(log, "logs/a/");
      appendBatches(log, 7, 2, 60);
      assertBucketEqualsLog(log, "logs/a/");
    }
  }

  @Test
  void aBucketOfAnotherLogIsRefused() throws Exception {
    try (TestLog other =
        TestLog.start(TestLog.config(dir.resolve("other")).withPublishing(bucket.settings("")))) {
      appendBatches(other, 0, 1, 10);
      awaitBucket(other);
    }
    ServerConfig mine = TestLog.config(dir.resolve("mine")).withPublishing(bucket.settings(""));
    StateMismatchException e =
        assertThrows(StateMismatchException.class, () -> LogServer.start(mine));
    assertTrue(e.getMessage().contains("is not a checkpoint of this log"), e.getMessage());
  }

  @Test
  void aBucketAheadOfTheLogIsRefused() throws Exception {
    Path data = dir.resolve("log");
    ServerConfig config = TestLog.config(data).withPublishing(bucket.settings(""));
    try (TestLog log = TestLog.start(TestLog.config(data))) {
      appendBatches(log, 0, 1, 10);
    }
    // Copy the small log aside, grow the published one, then put the small one back: the log
    // was restored from an older backup while the bucket kept the newer checkpoint.
    Path backup = dir.resolve("backup");
    copyTree(data, backup);
    try (TestLog log = TestLog.start(config)) {
      appendBatches(log, 1, 2, 10);
      awaitBucket(log);
    }
    deleteTree(data);
    copyTree(backup, data);
    StateMismatchException e =
        assertThrows(StateMismatchException.class, () -> LogServer.start(config));
    assertTrue(e.getMessage().contains("refusing to publish a rollback"), e.getMessage());
  }

  @Test
  void aBucketDownAtStartIsPublishedToOnceItIsUp() throws Exception {
    int port = bucket.port();
    bucket.close();
    ServerConfig config =
        TestLog.config(dir.resolve("log"))
            .withPublishing(S3Bucket.settings("http://127.0.0.1:" + port, "late/"));
    try (TestLog log = TestLog.start(config)) {
      appendBatches(log, 0, 5, 60);
      TilePublisher publisher = log.server.publisher().orElseThrow();
      assertEquals(0, publisher.bucketSize(), "nothing can be published yet");
      assertEquals(300, publisher.lag());
      bucket = S3Bucket.start(dir.resolve("s3"), port);
      awaitBucket(log);
      assertTrue(publisher.refusal().isEmpty());
      assertBucketEqualsLog(log, "late/");
    }
  }

  @Test
  void aBucketOfAnotherLogFoundLateStopsPublishingForGood() throws Exception {
    try (TestLog other =
        TestLog.start(TestLog.config(dir.resolve("other")).withPublishing(bucket.settings("")))) {
      appendBatches(other, 0, 1, 10);
      awaitBucket(other);
    }
    byte[] othersCheckpoint = bucket.get("checkpoint").body();
    int port = bucket.port();
    bucket.close();
    ServerConfig mine =
        TestLog.config(dir.resolve("mine"))
            .withPublishing(S3Bucket.settings("http://127.0.0.1:" + port, ""));
    try (TestLog log = TestLog.start(mine)) {
      appendBatches(log, 0, 2, 10);
      bucket = S3Bucket.start(dir.resolve("s3"), port);
      TilePublisher publisher = log.server.publisher().orElseThrow();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (publisher.refusal().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(
          publisher.refusal().orElseThrow().contains("is not a checkpoint of this log"),
          publisher.refusal().toString());
      String metrics = new String(log.get("/metrics").body(), StandardCharsets.UTF_8);
      assertTrue(metrics.contains("tlog_publish_refused 1.0"), metrics);
      // The log itself goes on; the bucket keeps the other log's checkpoint.
      appendBatches(log, 2, 1, 10);
      assertArrayEquals(othersCheckpoint, bucket.get("checkpoint").body());
    }
  }

  private static void appendBatches(TestLog log, int first, int batches, int perBatch) {
    for (int b = first; b < first + batches; b++) {
      AppendBatchRequest.Builder req = AppendBatchRequest.newBuilder();
      for (int i = 0; i < perBatch; i++) {
        req.addEntries(ByteString.copyFrom("entry " + b + "." + i, StandardCharsets.UTF_8));
      }
      log.blocking.appendBatch(req.build());
    }
  }

  private static void awaitBucket(TestLog log) throws InterruptedException {
    long size = log.server.publishedCheckpoints().current().size();
    TilePublisher p = log.server.publisher().orElseThrow();
    assertTrue(
        p.awaitBucketSize(size, Duration.ofSeconds(60)),
        "bucket at " + p.bucketSize() + ", log at " + size);
  }

  private void assertBucketEqualsLog(TestLog log, String prefix) throws Exception {
    awaitBucket(log);
    bucket.assertServesWhatTheLogServes(
        "http://127.0.0.1:" + log.server.httpPort(),
        log.server.publishedCheckpoints().current().size(),
        prefix);
  }

  private static void copyTree(Path from, Path to) throws Exception {
    java.nio.file.Files.createDirectories(to.getParent());
    try (var walk = java.nio.file.Files.walk(from)) {
      for (Path p : walk.toList()) {
        java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  private static void deleteTree(Path root) throws Exception {
    try (var walk = java.nio.file.Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }
}
