package dev.tlog.server.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.merkle.hash.Hash;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of collector, run by a real server against real processes, files and a loopback HTTP
 * server; the payload of its {@code evidence.collection} event is what spec/compliance.md says.
 */
class CollectorKindsTest {
  @TempDir Path dir;
  private HttpServer http;

  @BeforeEach
  void startHttp() throws Exception {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/ok",
        x -> {
          byte[] b = "fine\n".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, b.length);
          x.getResponseBody().write(b);
          x.close();
        });
    http.createContext(
        "/broken",
        x -> {
          byte[] b = "boom".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(500, b.length);
          x.getResponseBody().write(b);
          x.close();
        });
    http.start();
  }

  @AfterEach
  void stopHttp() {
    http.stop(0);
  }

  private static String sha256(byte[] b) throws Exception {
    return Hash.of(MessageDigest.getInstance("SHA-256").digest(b)).toHex();
  }

  @Test
  void everyKindRecordsWhatItCollected() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path etc = dir.resolve("etc");
    Files.createDirectories(etc.resolve("sub"));
    Files.writeString(etc.resolve("a.conf"), "alpha\n");
    Files.writeString(etc.resolve("sub/b.conf"), "beta\n");
    Files.createSymbolicLink(etc.resolve("link.conf"), etc.resolve("a.conf"));
    Path pidFile = dir.resolve("sleeper.pid");
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    String yaml =
        """
        collectors:
          - {name: echo, schedule: hourly, command: [echo, hello]}
          - {name: exit3, schedule: hourly, shell: true, command: ["echo oops >&2; exit 3"]}
          - name: sleeper
            schedule: hourly
            timeout: 1s
            shell: true
            command: ["sleep 300 & echo $! > %s; wait"]
          - {name: big, schedule: hourly, shell: true, command: ["head -c 100000 /dev/zero"]}
          - {name: huge, schedule: hourly, shell: true, command: ["head -c 17000000 /dev/zero"]}
          - {name: etc, schedule: hourly, files: [%s]}
          - {name: web, schedule: hourly, http: %s/ok}
          - {name: web-broken, schedule: hourly, http: %s/broken}
          - {name: health, schedule: hourly, builtin: health}
          - {name: witnesses, schedule: hourly, builtin: witnesses}
        """
            .formatted(pidFile, etc, base, base);
    MovableClock clock = new MovableClock("2026-03-02T09:59:59Z");
    try (EvidenceLog log = EvidenceLog.start(data, clock, yaml)) {
      clock.set("2026-03-02T10:00:00Z");
      String due = "2026-03-02T10:00:00";

      EvidenceLog.Ev echo = log.awaitEvent(Evidence.COLLECTION, "echo", due);
      assertEquals("ok", echo.text("status"));
      assertEquals("command", echo.text("kind"));
      assertEquals("[\"echo\",\"hello\"]", echo.payload().path("target").toString());
      assertEquals("hello\n", echo.text("output"));
      assertEquals(6, echo.payload().path("output_size").asLong());
      assertEquals(sha256("hello\n".getBytes(StandardCharsets.UTF_8)), echo.text("output_sha256"));
      assertEquals(0, echo.payload().path("exit_code").asLong());
      assertEquals("2026-03-02T10:00:00.000000000Z", echo.text("started"));

      EvidenceLog.Ev exit3 = log.awaitEvent(Evidence.COLLECTION, "exit3", due);
      assertEquals("failed", exit3.text("status"));
      assertEquals("warning", exit3.severity());
      assertEquals(3, exit3.payload().path("exit_code").asLong());
      assertEquals("exit status 3: oops", exit3.text("error"));

      EvidenceLog.Ev sleeper = log.awaitEvent(Evidence.COLLECTION, "sleeper", due);
      assertEquals("timeout", sleeper.text("status"));
      assertEquals("killed after 1000 ms", sleeper.text("error"));
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      log.await(
          "the command's child to be killed",
          () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));

      EvidenceLog.Ev big = log.awaitEvent(Evidence.COLLECTION, "big", due);
      assertEquals("ok", big.text("status"));
      assertEquals(100_000, big.payload().path("output_size").asLong());
      assertTrue(big.payload().path("output").isMissingNode(), "not inline: over 4096 bytes");
      assertEquals(sha256(new byte[100_000]), big.text("output_sha256"));

      EvidenceLog.Ev huge = log.awaitEvent(Evidence.COLLECTION, "huge", due);
      assertEquals("failed", huge.text("status"));
      assertEquals("output over 16 MiB", huge.text("error"));

      EvidenceLog.Ev files = log.awaitEvent(Evidence.COLLECTION, "etc", due);
      assertEquals("ok", files.text("status"));
      assertEquals("files", files.text("kind"));
      String a = sha256("alpha\n".getBytes(StandardCharsets.UTF_8));
      String b = sha256("beta\n".getBytes(StandardCharsets.UTF_8));
      String manifest =
          a + "  " + etc.resolve("a.conf") + "\n" + b + "  " + etc.resolve("sub/b.conf") + "\n";
      assertEquals(manifest, files.text("output"), "symlinks are not followed or listed");
      assertEquals(sha256(manifest.getBytes(StandardCharsets.UTF_8)), files.text("output_sha256"));
      assertEquals(2, files.payload().path("files").size());
      assertEquals(
          a, files.payload().path("files").path(etc.resolve("a.conf").toString()).asText());

      EvidenceLog.Ev web = log.awaitEvent(Evidence.COLLECTION, "web", due);
      assertEquals("ok", web.text("status"));
      assertEquals(200, web.payload().path("http_status").asLong());
      assertEquals("fine\n", web.text("output"));

      EvidenceLog.Ev broken = log.awaitEvent(Evidence.COLLECTION, "web-broken", due);
      assertEquals("failed", broken.text("status"));
      assertEquals(500, broken.payload().path("http_status").asLong());
      assertEquals("HTTP 500", broken.text("error"));

      EvidenceLog.Ev health = log.awaitEvent(Evidence.COLLECTION, "health", due);
      var h = EvidenceLog.JSON.readTree(health.text("output"));
      assertTrue(h.path("size").asLong() >= 1);
      assertTrue(h.has("checkpoint_age_ms") && h.has("index_covered"), h.toString());

      EvidenceLog.Ev w = log.awaitEvent(Evidence.COLLECTION, "witnesses", due);
      assertEquals("{\"witnesses\":\"not configured\"}", w.text("output"));

      // Drift: the next run of the files collector sees the changed file.
      Files.writeString(etc.resolve("sub/b.conf"), "beta, changed\n");
      clock.set("2026-03-02T11:00:00Z");
      EvidenceLog.Ev after = log.awaitEvent(Evidence.COLLECTION, "etc", "2026-03-02T11:00:00");
      assertNotEquals(files.text("output_sha256"), after.text("output_sha256"));
      assertEquals(
          a, after.payload().path("files").path(etc.resolve("a.conf").toString()).asText());
      assertEquals(
          sha256("beta, changed\n".getBytes(StandardCharsets.UTF_8)),
          after.payload().path("files").path(etc.resolve("sub/b.conf").toString()).asText());
    }
  }

  @Test
  void includeContentRecordsSmallFilesThemselves() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path f = Files.writeString(dir.resolve("motd"), "be nice\n");
    String yaml =
        """
        collectors:
          - {name: motd, schedule: hourly, files: [%s], include_content: true}
        """
            .formatted(f);
    MovableClock clock = new MovableClock("2026-03-02T09:59:59Z");
    try (EvidenceLog log = EvidenceLog.start(data, clock, yaml)) {
      clock.set("2026-03-02T10:00:00Z");
      EvidenceLog.Ev e = log.awaitEvent(Evidence.COLLECTION, "motd", "2026-03-02T10:00:00");
      String h = sha256("be nice\n".getBytes(StandardCharsets.UTF_8));
      String out = h + "  " + f + "\n\n==> " + f + " <==\nbe nice\n";
      assertEquals(out, e.text("output"));
      assertEquals(sha256(out.getBytes(StandardCharsets.UTF_8)), e.text("output_sha256"));
    }
  }
}
