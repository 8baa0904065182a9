package dev.tlog.server.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Ed25519NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.HeadlessChromium;
import dev.tlog.server.testing.TestLog;
import dev.tlog.server.witnessing.Witness;
import dev.tlog.server.witnessing.WitnessPolicy;
import dev.tlog.witness.WitnessServer;
import dev.tlog.witness.WitnessSettings;
import dev.tlog.witness.config.LogConfig;
import dev.tlog.witness.config.WitnessConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The explorer of a log with a real witness on loopback: the checkpoint page verifies the log's
 * signature and the witness's cosignature in the browser, and the witness page lists the witness.
 */
class WitnessedExplorerBrowserTest {
  @TempDir Path dir;

  @Test
  void theCosignatureIsVerifiedInTheBrowser() throws Exception {
    try (HeadlessChromium chromium =
        HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")))) {
      Ed25519NoteSigner logKey = Ed25519NoteSigner.generate(TestLog.ORIGIN, new SecureRandom());
      Path keyFile = Files.createDirectories(dir.resolve("log")).resolve("log.key");
      Files.writeString(keyFile, logKey.privateKey() + "\n");
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      int witnessPort = freePort();
      Ed25519NoteVerifier v = (Ed25519NoteVerifier) VerifierKeys.parse(logKey.verifierKey());
      try (WitnessServer witness =
              WitnessServer.start(
                  WitnessSettings.defaults(
                      dir.resolve("witness"),
                      new WitnessConfig(
                          Map.of(
                              TestLog.ORIGIN,
                              new LogConfig(TestLog.ORIGIN, List.of(v), Optional.empty())),
                          List.of()),
                      "witness.test/w1",
                      "127.0.0.1",
                      witnessPort,
                      Duration.ZERO,
                      Clock.systemUTC()));
          TestLog log =
              TestLog.start(
                  TestLog.config(
                      dir.resolve("log"),
                      new SequencerLimits(64, Duration.ofMillis(1), 10_000),
                      new WitnessPolicy(
                          List.of(
                              Witness.parse(
                                  witness.verifierKey() + " http://127.0.0.1:" + witnessPort)),
                          1)))) {
        AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
        for (int i = 0; i < 10; i++) {
          b.addEntries(ByteString.copyFromUtf8("witnessed " + i));
        }
        log.blocking.appendBatch(b.build());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (log.server.publishedCheckpoints().current().size() < 10
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertEquals(10, log.server.publishedCheckpoints().current().size());

        String base = "http://127.0.0.1:" + log.server.httpPort() + "/explorer/";
        chromium.driver().get(base + "#/checkpoint");
        String status =
            chromium.await(
                d -> {
                  String s = d.findElement(By.id("checkpoint-status")).getAttribute("data-status");
                  return "pending".equals(s) ? null : s;
                });
        assertEquals("verified", status);
        List<String> rows =
            chromium.await(
                d -> {
                  List<String> r =
                      d.findElements(By.cssSelector("#signatures tbody tr")).stream()
                          .map(WebElement::getText)
                          .toList();
                  return r.size() == 2 && r.stream().noneMatch(t -> t.endsWith("…")) ? r : null;
                });
        assertTrue(rows.get(0).startsWith(TestLog.ORIGIN) && rows.get(0).contains("log verified"));
        assertTrue(
            rows.get(1).startsWith("witness.test/w1")
                && rows.get(1).contains("witness cosignature verified cosigned"),
            rows.get(1));
        System.out.println("checkpoint signatures in the browser:\n" + String.join("\n", rows));
        chromium.screenshot("checkpoint-cosigned");

        chromium.driver().get(base + "#/witnesses");
        chromium.driver().navigate().refresh();
        String table = chromium.await(d -> d.findElement(By.id("witnesses")).getText());
        assertTrue(table.contains("witness.test/w1") && table.contains("answering"), table);
        chromium.screenshot("witnesses-one");
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
