package dev.tlog.client.testing;

import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.ledger.Severity;

/** The protobuf EventFilter as an {@link EventFilter} (the stand-in ledger service's side). */
final class ProtoFilters {
  private ProtoFilters() {}

  static EventFilter fromProto(dev.tlog.proto.v1.EventFilter p) {
    EventFilter.Builder b = EventFilter.builder();
    if (p.hasTimeFrom() || p.hasTimeTo()) {
      b.time(p.hasTimeFrom() ? p.getTimeFrom() : 0, p.hasTimeTo() ? p.getTimeTo() : Long.MAX_VALUE);
    }
    if (p.hasReceivedFrom() || p.hasReceivedTo()) {
      b.received(
          p.hasReceivedFrom() ? p.getReceivedFrom() : 0,
          p.hasReceivedTo() ? p.getReceivedTo() : Long.MAX_VALUE);
    }
    b.actors(p.getActorsList()).actions(p.getActionsList());
    p.getSeveritiesList().forEach(s -> b.severity(Severity.parse("severities", s)));
    if (!p.getMinSeverity().isEmpty()) {
      b.minSeverity(Severity.parse("min_severity", p.getMinSeverity()));
    }
    return b.meta(p.getMetaMap()).text(p.getText()).build();
  }
}
