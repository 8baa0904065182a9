package dev.tlog.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.EvidenceFormatException;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.evidence.ReportRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every evidence payload survives the log's canonicalisation and reads back equal. */
class EvidenceRoundTripTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static String logged(String action, String payload) {
    return Event.builder()
        .time(T)
        .actor("system:tlog-evidence")
        .action(action)
        .severity(Severity.INFO)
        .payload(payload)
        .salt(Hash.ZERO)
        .build()
        .payload();
  }

  @Test
  void collection() {
    TreeMap<String, String> files = new TreeMap<>();
    files.put("/etc/ssh/sshd_config", "ab".repeat(32));
    CollectionRecord r =
        new CollectionRecord(
            "sshd",
            CollectionRecord.Status.OK,
            T,
            "hourly",
            "files",
            List.of("/etc/ssh/sshd_config"),
            T.plusMillis(3),
            12,
            "cd".repeat(32),
            80,
            Optional.of("ok\n"),
            Optional.empty(),
            Optional.empty(),
            files,
            Optional.empty());
    assertEquals(r, CollectionRecord.parse(logged("evidence.collection", r.toPayload())));
  }

  @Test
  void missed() {
    MissedRecord r =
        new MissedRecord(
            "sshd", T, T.plusSeconds(7200), 3, "hourly", MissedRecord.Reason.NOT_RUNNING);
    assertEquals(r, MissedRecord.parse(logged("evidence.missed", r.toPayload())));
    assertThrows(
        EvidenceFormatException.class,
        () -> new MissedRecord("x", T, T.plusSeconds(1), 1, "hourly", MissedRecord.Reason.OVERRUN));
  }

  @Test
  void schedule() {
    ScheduleRecord r =
        new ScheduleRecord(
            List.of(
                new ScheduleRecord.Collector("b", "daily", "command", 60_000, List.of("df", "-h")),
                new ScheduleRecord.Collector("a", "hourly", "files", 1_000, List.of())));
    assertEquals("a", r.collectors().get(0).name());
    assertEquals(r, ScheduleRecord.parse(logged("evidence.schedule", r.toPayload())));
    String forged = r.toPayload().replace("\"daily\"", "\"weekly\"");
    assertThrows(EvidenceFormatException.class, () -> ScheduleRecord.parse(forged));
  }

  @Test
  void report() {
    ReportRecord r =
        new ReportRecord(
            "soc2",
            T,
            T.plusSeconds(86400),
            "a".repeat(64),
            "b".repeat(64),
            "c".repeat(64),
            "d".repeat(64));
    assertEquals(r, ReportRecord.parse(logged("evidence.report", r.toPayload())));
  }
}
