package dev.tlog.server.evidence;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.compliance.evidence.EvidenceFormatException;
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
   * due}, a missed event's {@code last_due}, but never after the event's own time (which a genuine
   * event never precedes: a run starts at or after its slot, a gap is detected after it). An event
   * whose payload was erased or cannot be read counts as its own time. Any appender may use the
   * collectors' actor, so what is read here is bounded rather than trusted.
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
    Instant eventTime = Instant.ofEpochSecond(0, entry.timeNanos());
    Optional<String> payload = payload(hit);
    if (payload.isEmpty()) {
      return Optional.of(eventTime);
    }
    Instant slot;
    try {
      slot =
          entry.action().equals(Evidence.MISSED)
              ? MissedRecord.parse(payload.get()).lastDue()
              : CollectionRecord.parse(payload.get()).due();
    } catch (EvidenceFormatException e) {
      return Optional.of(eventTime);
    }
    return Optional.of(slot.isAfter(eventTime) ? eventTime : slot);
  }

  /**
   * Whether {@code current} must be recorded: it differs from the last {@code evidence.schedule}
   * event of the collectors' actor (one whose payload was erased or cannot be read differs from
   * anything), or there is none and {@code current} lists collectors.
   */
  boolean scheduleDiffers(ScheduleRecord current) {
    EventFilter f = EventFilter.builder().actor(Evidence.ACTOR).action(Evidence.SCHEDULE).build();
    Optional<LedgerHit> last = queries.summarize(f).last();
    if (last.isEmpty()) {
      return !current.collectors().isEmpty();
    }
    Optional<String> payload = payload(last.get());
    if (payload.isEmpty()) {
      return true;
    }
    try {
      return !ScheduleRecord.parse(payload.get()).configSha256().equals(current.configSha256());
    } catch (EvidenceFormatException e) {
      return true;
    }
  }

  private static Optional<String> payload(LedgerHit hit) {
    return hit.payloadRecord().map(b -> EventCodec.parseStoredPayloadRecord(b).payload());
  }
}
