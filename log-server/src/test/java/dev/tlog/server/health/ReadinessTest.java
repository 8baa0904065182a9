package dev.tlog.server.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.ServerOps;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.Scrape;
import dev.tlog.server.testing.TestLog;
import dev.tlog.server.witnessing.Witness;
import dev.tlog.server.witnessing.WitnessPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/api.md, "Health": {@code /readyz} is 200 on a healthy log and 503, naming the failed check,
 * when the log lags: here a real witness address with nothing listening, so every size the log
 * signs stays unpublished, and a witness lag limit of 300 ms.
 */
class ReadinessTest {
  @TempDir Path dir;

  @Test
  void aHealthyLogIsReady() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      log.blocking.appendBatch(batch(3));
      HttpResponse<byte[]> r = log.get("/readyz");
      assertEquals(200, r.statusCode(), text(r));
      assertEquals("ready\n", text(r));
    }
  }

  @Test
  void aLogWhoseWitnessIsDownIsNotReadyOnceTheLagOutlastsTheLimit() throws Exception {
    Cosigner absent = Cosigner.generate("witness.test/absent", new SecureRandom());
    Witness w = Witness.parse(absent.verifierKey() + " http://127.0.0.1:" + closedPort());
    ServerOps ops =
        ServerOps.defaults().withThresholds(Duration.ofSeconds(30), Duration.ofMillis(300));
    try (TestLog log =
        TestLog.start(
            TestLog.config(
                dir,
                new SequencerLimits(64, Duration.ofMillis(1), 10_000),
                new WitnessPolicy(List.of(w), 1)),
            ops)) {
      assertEquals(200, log.get("/readyz").statusCode(), "nothing signed beyond the published");
      log.blocking.appendBatch(batch(5));
      Thread.sleep(600);
      HttpResponse<byte[]> r = log.get("/readyz");
      assertEquals(503, r.statusCode(), text(r));
      assertTrue(
          text(r)
              .startsWith("witnesses: published checkpoint (size 0) lags the signed one (size 5)"),
          text(r));
      assertEquals(1, text(r).lines().count(), "only the failed check: " + text(r));
      Scrape s = Scrape.parse(new String(log.get("/metrics").body(), StandardCharsets.UTF_8));
      assertEquals(5, s.require("tlog_cosignature_lag_entries{witness=\"witness.test/absent\"}"));
      assertEquals(200, log.get("/healthz").statusCode(), "alive all the same");
    }
  }

  private static AppendBatchRequest batch(int n) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    for (int i = 0; i < n; i++) {
      b.addEntries(ByteString.copyFromUtf8("ready " + i));
    }
    return b.build();
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** A loopback port nothing listens on (bound, then released). */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
