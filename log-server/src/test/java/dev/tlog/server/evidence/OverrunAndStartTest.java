package dev.tlog.server.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.server.Main;
import dev.tlog.server.errors.WrongModeException;
import dev.tlog.server.evidence.config.CollectorsFile;
import dev.tlog.server.testing.TestLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run that outlasts its slots (recorded as {@code overrun} once it ends), collectors never
 * blocking clients' appends, and what is refused at start.
 */
class OverrunAndStartTest {
  @Test
  void runOutlastingItsSlotsLeavesAnOverrunGapAndNeverBlocksAppends(@TempDir Path dir)
      throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path started = dir.resolve("started");
    Path release = dir.resolve("release");
    String yaml =
        """
        collectors:
          - name: slow
            schedule: every 1m
            timeout: 1h
            shell: true
            command: ["touch %s; while [ ! -f %s ]; do sleep 0.05; done; echo done"]
        """
            .formatted(started, release);
    MovableClock clock = new MovableClock("2026-03-02T09:59:59Z");
    try (EvidenceLog log = EvidenceLog.start(data, clock, yaml)) {
      clock.set("2026-03-02T10:00:00Z");
      log.await("the 10:00 run to start", () -> Files.exists(started));

      // The run is blocked; clients' appends are still acknowledged.
      for (int i = 0; i < 5; i++) {
        AppendResponse ack = log.appendClientEvent("deploy " + i);
        assertTrue(ack.getIndex() > 0);
      }

      clock.set("2026-03-02T10:03:00Z");
      log.await("ticks while the run is going", () -> log.scheduler().ticks() > 10);
      assertTrue(log.events(Evidence.COLLECTION, "slow").isEmpty());
      assertTrue(log.events(Evidence.MISSED, "slow").isEmpty(), "slots wait for the run to end");

      Files.createFile(release);
      EvidenceLog.Ev first = log.awaitEvent(Evidence.COLLECTION, "slow", "2026-03-02T10:00:00");
      assertEquals("ok", first.text("status"));
      assertEquals("done\n", first.text("output"));
      EvidenceLog.Ev gap = log.awaitEvent(Evidence.MISSED, "slow", "2026-03-02T10:01:00");
      assertEquals("2026-03-02T10:02:00.000000000Z", gap.text("last_due"));
      assertEquals(2, gap.payload().path("count").asLong());
      assertEquals("overrun", gap.text("reason"));
      EvidenceLog.Ev next = log.awaitEvent(Evidence.COLLECTION, "slow", "2026-03-02T10:03:00");
      assertTrue(gap.index() < next.index(), "the missed event is acknowledged before the run");
      log.awaitQuiet();
      assertEquals(1, log.events(Evidence.MISSED).size());
    }
  }

  @Test
  void collectorsOnAnOpaqueLogAreRefusedAtStart(@TempDir Path dir) {
    var config =
        TestLog.config(dir)
            .withCollectors(
                CollectorsFile.parse(
                    "collectors: [{name: h, schedule: hourly, builtin: health}]", "t"));
    WrongModeException e =
        assertThrows(WrongModeException.class, () -> TestLog.start(config).close());
    assertTrue(e.getMessage().contains("--collectors needs a ledger log"), e.getMessage());
  }

  @Test
  void badCollectorsFileStopsTheServerWithAMessage(@TempDir Path dir) throws Exception {
    Path bad =
        Files.writeString(dir.resolve("c.yaml"), "collectors:\n  - {name: x, schedule: hourly}\n");
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setErr(new PrintWriter(err));
    int code =
        cmd.execute(
            List.of(
                    "--data-dir",
                    dir.resolve("data").toString(),
                    "--grpc-port",
                    "0",
                    "--http-port",
                    "0",
                    "--collectors",
                    bad.toString())
                .toArray(String[]::new));
    assertEquals(3, code);
    assertTrue(
        err.toString()
            .contains("collector \"x\": want exactly one of files, command, http, builtin"),
        err.toString());
  }
}
