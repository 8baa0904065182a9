package dev.tlog.server.api.grpc;

import com.google.protobuf.ByteString;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.FilterException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.server.ledger.query.LedgerHit;
import dev.tlog.server.read.Uint64;

/**
 * Ledger messages to and from values. A filter's times and a query's start index above {@code 2^63
 * - 1} are read as {@code Long.MAX_VALUE}: later than any time or index the log can hold; the
 * ordering of a filter's range is checked on the values as sent first, so an error names them.
 * Window and payload positions go to the reads as sent (see {@link Uint64}).
 */
final class LedgerProtos {
  private LedgerProtos() {}

  /** A uint64 field as a non-negative long. */
  static long unsigned(long v) {
    return Uint64.saturated(v);
  }

  static EventFilter filter(dev.tlog.proto.v1.EventFilter p) {
    if (p.hasTimeFrom() && p.hasTimeTo()) {
      checkOrder("time", p.getTimeFrom(), p.getTimeTo());
    }
    if (p.hasReceivedFrom() && p.hasReceivedTo()) {
      checkOrder("received", p.getReceivedFrom(), p.getReceivedTo());
    }
    EventFilter.Builder b =
        EventFilter.builder()
            .time(
                p.hasTimeFrom() ? unsigned(p.getTimeFrom()) : 0,
                p.hasTimeTo() ? unsigned(p.getTimeTo()) : Long.MAX_VALUE)
            .received(
                p.hasReceivedFrom() ? unsigned(p.getReceivedFrom()) : 0,
                p.hasReceivedTo() ? unsigned(p.getReceivedTo()) : Long.MAX_VALUE)
            .actors(p.getActorsList())
            .actions(p.getActionsList())
            .meta(p.getMetaMap())
            .text(p.getText());
    for (String s : p.getSeveritiesList()) {
      b.severity(severity("severities", s));
    }
    if (!p.getMinSeverity().isEmpty()) {
      b.minSeverity(severity("min_severity", p.getMinSeverity()));
    }
    return b.build();
  }

  /**
   * The same check as {@link EventFilter}'s, before saturation, so the message names the values.
   */
  private static void checkOrder(String name, long from, long to) {
    if (Uint64.compare(to, from) < 0) {
      throw new FilterException(
          name + "_to",
          Uint64.str(to)
              + " is before "
              + name
              + "_from "
              + Uint64.str(from)
              + " (the range is [from, to))");
    }
  }

  private static Severity severity(String field, String label) {
    try {
      return Severity.parse(field, label);
    } catch (EventFormatException e) {
      throw new FilterException(
          field,
          "unknown severity \""
              + label
              + "\", want one of debug|info|notice|warning|error|critical");
    }
  }

  static LedgerEvent event(LedgerHit h) {
    LedgerEvent.Builder b =
        LedgerEvent.newBuilder()
            .setIndex(h.index())
            .setEntry(ByteString.copyFrom(h.entry()))
            .setReceived(Math.max(0, h.received()))
            .setChainHash(bytes(h.chainHash()));
    h.payloadRecord().ifPresent(r -> b.setPayloadRecord(ByteString.copyFrom(r)));
    h.proof().ifPresent(p -> p.hashes().forEach(x -> b.addInclusionProof(bytes(x))));
    return b.build();
  }

  static ByteString bytes(Hash h) {
    return ByteString.copyFrom(h.bytes());
  }
}
