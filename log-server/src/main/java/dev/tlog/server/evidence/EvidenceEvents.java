package dev.tlog.server.evidence;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.Severity;
import java.time.Instant;

/**
 * The evidence events the server appends, as spec/compliance.md states them ("Evidence events").
 */
final class EvidenceEvents {
  private EvidenceEvents() {}

  /** One run: {@code info} when ok, {@code warning} otherwise; time is when it started. */
  static Event collection(CollectionRecord r) {
    return Event.builder()
        .time(r.started())
        .actor(Evidence.ACTOR)
        .action(Evidence.COLLECTION)
        .severity(r.status() == CollectionRecord.Status.OK ? Severity.INFO : Severity.WARNING)
        .meta(Evidence.META_COLLECTOR, r.collector())
        .payload(r.toPayload())
        .build();
  }

  /** A gap: {@code warning}; time is when it was detected. */
  static Event missed(MissedRecord r, Instant detected) {
    return Event.builder()
        .time(detected)
        .actor(Evidence.ACTOR)
        .action(Evidence.MISSED)
        .severity(Severity.WARNING)
        .meta(Evidence.META_COLLECTOR, r.collector())
        .payload(r.toPayload())
        .build();
  }

  /** The configuration in force: {@code notice}. */
  static Event schedule(ScheduleRecord r, Instant now) {
    return Event.builder()
        .time(now)
        .actor(Evidence.ACTOR)
        .action(Evidence.SCHEDULE)
        .severity(Severity.NOTICE)
        .payload(r.toPayload())
        .build();
  }
}
