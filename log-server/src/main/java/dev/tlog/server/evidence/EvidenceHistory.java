package dev.tlog.server.evidence;

import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.server.ledger.query.EventQueries;
import dev.tlog.server.ledger.query.LedgerHit;
import dev.tlog.server.ledger.query.Summary;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the log already says about the collectors, read through the ledger index
 * (spec/compliance.md, "No silent gaps"): each collector's last accounted slot and the last
 * recorded configuration.
 */
final class EvidenceHistory {
  private final EventQueries queries;

  EvidenceHistory(EventQueries queries) {
    this.queries = queries;
  }

  /**
   * Waits until the index covers the whole log (each query waits up to a second); false when {@code
   * stopped} became true first.
   */
  boolean awaitIndexed(BooleanSupplier stopped) {
    EventFilter none =
        EventFilter.builder().actor(Evidence.ACTOR).action(Evidence.SCHEDULE).build();
    while (!stopped.getAsBoolean()) {
      Summary s = queries.summarize(none);
      if (s.covered() >= s.checkpoint().size()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The last slot accounted for by {@code collector}'s last evidence event: a collection's {@code
   * due}, a missed event's {@code last_due}, or (payload erased) the event's own time, which is
   * never before the slot it accounted for.
   */
  Optional<Instant> lastAccounted(String collector) {
    EventFilter f =
        EventFilter.builder()
            .actor(Evidence.ACTOR)
            .action(Evidence.COLLECTION)
            .action(Evidence.MISSED)
            .meta(Evidence.META_COLLECTOR, collector)
            .build();
    Optional<LedgerHit> last = queries.summarize(f).last();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    LedgerHit hit = last.get();
    LedgerEntry.EventEntry entry =
        (LedgerEntry.EventEntry) EventCodec.parseStoredEntry(hit.entry());
    Optional<String> payload = payload(hit);
    if (payload.isEmpty()) {
      return Optional.of(Instant.ofEpochSecond(0, entry.timeNanos()));
    }
    if (entry.action().equals(Evidence.MISSED)) {
      return Optional.of(MissedRecord.parse(payload.get()).lastDue());
    }
    return Optional.of(dev.tlog.compliance.evidence.CollectionRecord.parse(payload.get()).due());
  }

  /**
   * The {@code config_sha256} of the last {@code evidence.schedule} event (empty: none or erased).
   */
  Optional<String> lastScheduleSha256() {
    EventFilter f = EventFilter.builder().actor(Evidence.ACTOR).action(Evidence.SCHEDULE).build();
    return queries
        .summarize(f)
        .last()
        .flatMap(EvidenceHistory::payload)
        .map(p -> ScheduleRecord.parse(p).configSha256());
  }

  private static Optional<String> payload(LedgerHit hit) {
    return hit.payloadRecord().map(b -> EventCodec.parseStoredPayloadRecord(b).payload());
  }
}
