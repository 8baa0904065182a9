package dev.tlog.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.testing.S3Bucket;
import dev.tlog.server.testing.TestLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client given only the bucket's URL verifies the log as it would against the server: the log
 * publishes to a real S3-compatible server (S3Proxy), and {@code tlog audit --http <bucket url>}
 * downloads every tile and bundle from the bucket and recomputes the signed root and chain head.
 */
class BucketAuditTest {
  @TempDir Path tmp;

  @Test
  void auditReadsTheBucketAlone() throws Exception {
    try (S3Bucket bucket = S3Bucket.start(tmp.resolve("s3"));
        TestLog log =
            TestLog.start(
                TestLog.config(tmp.resolve("log")).withPublishing(bucket.settings("audit/")))) {
      for (int b = 0; b < 10; b++) {
        AppendBatchRequest.Builder req = AppendBatchRequest.newBuilder();
        for (int i = 0; i < 60; i++) {
          req.addEntries(ByteString.copyFrom("entry " + b + "." + i, StandardCharsets.UTF_8));
        }
        log.blocking.appendBatch(req.build());
      }
      long size = log.server.publishedCheckpoints().current().size();
      assertTrue(
          log.server.publisher().orElseThrow().awaitBucketSize(size, Duration.ofSeconds(60)),
          "the bucket did not reach size " + size);
      Result r =
          Cli.run(
              "audit",
              "--http",
              bucket.url("audit/"),
              "--vkey",
              log.server.verifierKey(),
              "--no-state");
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().contains("audit passed"), r::toString);
      assertTrue(r.out().contains(String.valueOf(size)), r::toString);
    }
  }
}
