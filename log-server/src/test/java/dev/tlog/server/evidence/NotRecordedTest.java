package dev.tlog.server.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.server.LedgerSettings;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/compliance.md, "No silent gaps", step 4: a run whose event cannot be appended leaves {@code
 * last} behind, and its slot is recorded as missed ({@code not-recorded}), never run again. The
 * append fails for real: the log refuses an event whose time is further behind its clock than
 * {@code --event-max-age}, and the clock moves past that while the run is going.
 */
class NotRecordedTest {
  @Test
  void runWhoseEventIsRefusedBecomesANotRecordedGap(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path started = dir.resolve("started");
    Path release = dir.resolve("release");
    ServerConfig c = TestLog.ledgerConfig(data);
    ServerConfig shortAge =
        new ServerConfig(
            c.dataDir(),
            c.keyFile(),
            c.origin(),
            c.bindHost(),
            c.grpcPort(),
            c.httpPort(),
            c.initialMapSize(),
            c.appendLimits(),
            c.sequencerLimits(),
            c.maxEntriesPerPage(),
            c.verifyMode(),
            c.witnesses(),
            c.dedup(),
            new LedgerSettings(LogMode.LEDGER, Duration.ofMinutes(5), Duration.ofMinutes(2)),
            c.maxWatchers(),
            c.clock(),
            c.collectors(),
            c.http(),
            c.security(),
            c.grpc());
    String yaml =
        """
        collectors:
          - name: slow
            schedule: hourly
            timeout: 1h
            shell: true
            command: ["touch %s; while [ ! -f %s ]; do sleep 0.05; done"]
        """
            .formatted(started, release);
    MovableClock clock = new MovableClock("2026-03-02T09:59:59Z");
    try (EvidenceLog log = EvidenceLog.start(shortAge, clock, yaml)) {
      clock.set("2026-03-02T10:00:00Z");
      log.await("the 10:00 run to start", () -> Files.exists(started));
      // The run's event will say it started at 10:00, now more than 2 minutes ago.
      clock.set("2026-03-02T10:05:00Z");
      Files.createFile(release);
      EvidenceLog.Ev gap = log.awaitEvent(Evidence.MISSED, "slow", "2026-03-02T10:00:00");
      assertEquals("not-recorded", gap.text("reason"));
      assertEquals(1, gap.payload().path("count").asLong());
      assertEquals("2026-03-02T10:00:00.000000000Z", gap.text("last_due"));
      log.awaitQuiet();
      assertTrue(log.events(Evidence.COLLECTION).isEmpty(), "the refused run is not retried");
      assertEquals(1, log.events(Evidence.MISSED).size());
    }
    // Restarting does not record the gap again.
    try (EvidenceLog log = EvidenceLog.start(shortAge, clock, yaml)) {
      log.awaitQuiet();
      assertEquals(1, log.events(Evidence.MISSED).size());
    }
  }
}
