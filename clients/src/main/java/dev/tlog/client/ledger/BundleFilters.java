package dev.tlog.client.ledger;

import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.bundle.LedgerEvidence;
import dev.tlog.merkle.ledger.Severity;
import java.util.List;
import java.util.OptionalLong;

/** An {@link EventFilter} as an evidence bundle states it, and back (spec/evidence-bundle.md). */
public final class BundleFilters {
  private BundleFilters() {}

  public static LedgerEvidence.Filter toBundle(EventFilter f) {
    return new LedgerEvidence.Filter(
        from(f.time()),
        to(f.time()),
        from(f.received()),
        to(f.received()),
        List.copyOf(f.actors()),
        List.copyOf(f.actions()),
        f.severities().stream().map(Severity::label).toList(),
        f.minSeverity().map(Severity::label),
        f.meta(),
        f.text());
  }

  /**
   * The filter a bundle states; {@link dev.tlog.ledger.query.FilterException} or {@link
   * dev.tlog.merkle.ledger.EventFormatException} when it is not a valid filter.
   */
  public static EventFilter fromBundle(LedgerEvidence.Filter f) {
    EventFilter.Builder b = EventFilter.builder();
    if (f.timeFrom().isPresent() || f.timeTo().isPresent()) {
      b.time(f.timeFrom().orElse(0), f.timeTo().orElse(Long.MAX_VALUE));
    }
    if (f.receivedFrom().isPresent() || f.receivedTo().isPresent()) {
      b.received(f.receivedFrom().orElse(0), f.receivedTo().orElse(Long.MAX_VALUE));
    }
    b.actors(f.actors()).actions(f.actions());
    f.severities().forEach(s -> b.severity(Severity.parse("severities", s)));
    f.minSeverity().ifPresent(s -> b.minSeverity(Severity.parse("min_severity", s)));
    return b.meta(f.meta()).text(f.text()).build();
  }

  /** {@code f} without its receive-time condition, which only a window proves. */
  public static EventFilter withoutReceived(EventFilter f) {
    return new EventFilter(
        f.time(),
        TimeRange.ALL,
        f.actors(),
        f.actions(),
        f.severities(),
        f.minSeverity(),
        f.meta(),
        f.text());
  }

  private static OptionalLong from(TimeRange r) {
    return r.from() > 0 ? OptionalLong.of(r.from()) : OptionalLong.empty();
  }

  private static OptionalLong to(TimeRange r) {
    return r.to() != Long.MAX_VALUE ? OptionalLong.of(r.to()) : OptionalLong.empty();
  }
}
