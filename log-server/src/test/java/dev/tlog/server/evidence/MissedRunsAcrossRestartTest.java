package dev.tlog.server.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.evidence.config.CollectorsFile;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/compliance.md, "No silent gaps": a restart that spans scheduled times records the missed
 * slots exactly once, however often the server restarts afterwards; the configuration is recorded
 * once while it does not change, and again when it does.
 */
class MissedRunsAcrossRestartTest {
  private static final String HOURLY_CHECKPOINT =
      """
      collectors:
        - name: cp
          schedule: hourly
          builtin: checkpoint
      """;

  @Test
  void restartSpanningThreeSlotsRecordsOneMissedEventOnce(@TempDir Path dir) throws Exception {
    MovableClock clock = new MovableClock("2026-03-02T09:59:59Z");
    try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
      assertEquals(1, log.events(Evidence.SCHEDULE).size(), "configuration recorded at start");
      clock.set("2026-03-02T10:00:00Z");
      EvidenceLog.Ev run = log.awaitEvent(Evidence.COLLECTION, "cp", "2026-03-02T10:00:00");
      assertEquals("ok", run.text("status"));
      assertEquals("info", run.severity());
      assertEquals("builtin", run.text("kind"));
      assertEquals("hourly", run.text("schedule"));
      // The built-in checkpoint's JSON is the output, inline because it is small.
      var out = EvidenceLog.JSON.readTree(run.text("output"));
      assertTrue(out.path("note").asText().startsWith("tlog.test/log\n"), out.toString());
      assertEquals(64, out.path("root_hash").asText().length());
      assertTrue(out.path("size").asLong() >= 1);
    }

    clock.set("2026-03-02T13:30:00Z");
    try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
      EvidenceLog.Ev missed = log.awaitEvent(Evidence.MISSED, "cp", "2026-03-02T11:00:00");
      assertEquals("2026-03-02T13:00:00.000000000Z", missed.text("last_due"));
      assertEquals(3, missed.payload().path("count").asLong());
      assertEquals("not-running", missed.text("reason"));
      assertEquals("hourly", missed.text("schedule"));
      assertEquals("warning", missed.severity());
      log.awaitQuiet();
      assertEquals(1, log.events(Evidence.MISSED).size());
    }

    for (String restartAt : List.of("2026-03-02T13:30:00Z", "2026-03-02T13:45:00Z")) {
      clock.set(restartAt);
      try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
        log.awaitQuiet();
        assertEquals(1, log.events(Evidence.MISSED).size(), "restart at " + restartAt);
        assertEquals(1, log.events(Evidence.COLLECTION).size(), "restart at " + restartAt);
        assertEquals(1, log.events(Evidence.SCHEDULE).size(), "unchanged configuration");
      }
    }
  }

  @Test
  void stopsAtAnyPointOfStartUpStillRecordTheGapExactlyOnce(@TempDir Path dir) throws Exception {
    MovableClock clock = new MovableClock("2026-03-02T09:59:59Z");
    try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
      clock.set("2026-03-02T10:00:00Z");
      log.awaitEvent(Evidence.COLLECTION, "cp", "2026-03-02T10:00:00");
    }
    clock.set("2026-03-02T13:30:00Z");
    ServerConfig config =
        TestLog.ledgerConfig(dir)
            .withClock(clock)
            .withCollectors(CollectorsFile.parse(HOURLY_CHECKPOINT, "test"));
    // Stopped right after start: the missed event may or may not have been appended yet.
    for (int i = 0; i < 3; i++) {
      TestLog.start(config).close();
    }
    try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
      log.awaitQuiet();
      List<EvidenceLog.Ev> missed = log.events(Evidence.MISSED);
      assertEquals(1, missed.size());
      assertEquals("2026-03-02T11:00:00.000000000Z", missed.get(0).text("due"));
      assertEquals(3, missed.get(0).payload().path("count").asLong());
    }
  }

  @Test
  void forgedEvidenceInTheFutureCannotHideAGap(@TempDir Path dir) throws Exception {
    MovableClock clock = new MovableClock("2026-03-02T09:59:59Z");
    try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
      clock.set("2026-03-02T10:00:00Z");
      log.awaitEvent(Evidence.COLLECTION, "cp", "2026-03-02T10:00:00");
      clock.set("2026-03-02T10:10:00Z");
      // Any appender may use the collectors' actor: this one claims a run due in 2030.
      CollectionRecord forged =
          new CollectionRecord(
              "cp",
              CollectionRecord.Status.OK,
              Instant.parse("2030-01-01T00:00:00Z"),
              "hourly",
              "builtin",
              List.of(),
              clock.instant(),
              0,
              "00".repeat(32),
              0,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              null,
              Optional.empty());
      Event e =
          Event.builder()
              .time(clock.instant())
              .actor(Evidence.ACTOR)
              .action(Evidence.COLLECTION)
              .meta(Evidence.META_COLLECTOR, "cp")
              .payload(forged.toPayload())
              .build();
      log.log.blocking.append(
          AppendRequest.newBuilder()
              .setData(ByteString.copyFrom(EventCodec.submission(e)))
              .build());
    }
    clock.set("2026-03-02T13:30:00Z");
    try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
      EvidenceLog.Ev missed = log.awaitEvent(Evidence.MISSED, "cp", "2026-03-02T11:00:00");
      assertEquals(3, missed.payload().path("count").asLong());
    }
  }

  @Test
  void scheduleEventIsRecordedAgainWhenTheConfigurationChanges(@TempDir Path dir) throws Exception {
    MovableClock clock = new MovableClock("2026-03-02T09:59:59Z");
    try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
      assertEquals(1, log.events(Evidence.SCHEDULE).size());
    }
    try (EvidenceLog log = EvidenceLog.start(dir, clock, HOURLY_CHECKPOINT)) {
      assertEquals(1, log.events(Evidence.SCHEDULE).size());
    }
    String two =
        HOURLY_CHECKPOINT
            + """
              - name: health
                schedule: every 15m
                builtin: health
                timeout: 5s
            """;
    try (EvidenceLog log = EvidenceLog.start(dir, clock, two)) {
      List<EvidenceLog.Ev> s = log.events(Evidence.SCHEDULE);
      assertEquals(2, s.size());
      EvidenceLog.Ev last = s.get(1);
      assertEquals("notice", last.severity());
      assertEquals(2, last.payload().path("collectors").size());
      var health = last.payload().path("collectors").get(1);
      assertEquals("health", health.path("name").asText());
      assertEquals("every 15m", health.path("schedule").asText());
      assertEquals("builtin", health.path("kind").asText());
      assertEquals(5000, health.path("timeout_ms").asLong());
      assertEquals(64, last.text("config_sha256").length());
    }
    try (EvidenceLog log = EvidenceLog.start(dir, clock, "collectors: []")) {
      List<EvidenceLog.Ev> s = log.events(Evidence.SCHEDULE);
      assertEquals(3, s.size(), "removing every collector is recorded as an empty list");
      assertEquals(0, s.get(2).payload().path("collectors").size());
    }
    try (EvidenceLog log = EvidenceLog.start(dir, clock, "collectors: []")) {
      assertEquals(3, log.events(Evidence.SCHEDULE).size());
    }
  }
}
