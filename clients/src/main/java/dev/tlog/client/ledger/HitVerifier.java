package dev.tlog.client.ledger;

import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifyingReader;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.EventMatcher;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import dev.tlog.merkle.proof.InclusionProof;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one event the log returned for a filter: entry bytes, leaf hash, inclusion proof against
 * the checkpoint, payload record against the entry's commitment, the receive time when it is
 * proven, and that the event matches the filter, re-applied with the same {@link EventMatcher} the
 * log's index is built from. Immutable; thread-safe.
 */
final class HitVerifier {
  private final EventFilter filter;
  private final EventMatcher matcher;
  private final EventMatcher withoutText;

  HitVerifier(EventFilter filter) {
    this.filter = filter;
    this.matcher = EventMatcher.of(filter);
    this.withoutText = EventMatcher.of(withoutText(filter));
  }

  EventFilter filter() {
    return filter;
  }

  static EventFilter withoutText(EventFilter f) {
    return new EventFilter(
        f.time(),
        f.received(),
        f.actors(),
        f.actions(),
        f.severities(),
        f.minSeverity(),
        f.meta(),
        "");
  }

  /**
   * {@code served} checked against {@code cp} with inclusion proof {@code proof}. {@code
   * provenReceived} is {@code received(index)} when proven, or negative to take the log's claim
   * (allowed only when the filter does not restrict receive times).
   */
  VerifiedEvent verify(
      LedgerSource.ServedEvent served,
      List<Hash> proof,
      VerifiedCheckpoint cp,
      long provenReceived) {
    long index = served.index();
    if (index < 0 || index >= cp.size()) {
      throw new VerificationException(
          "the log returned event " + index + " with a checkpoint of size " + cp.size());
    }
    byte[] entry = served.entry();
    LedgerEntry.EventEntry e = LedgerEntries.event(index, entry);
    Hash leaf = TreeHasher.leafHash(entry);
    VerifyingReader.checkInclusion(new InclusionProof(index, cp.size(), proof), index, leaf, cp);
    Optional<PayloadRecord> payload = LedgerEntries.payload(index, e, served.payloadRecord());
    long received = served.received();
    if (provenReceived >= 0 && provenReceived != received) {
      throw new VerificationException(
          "event "
              + index
              + ": the log says it was received at "
              + EventTime.format(received)
              + ", its clock marks say "
              + EventTime.format(provenReceived));
    }
    if (provenReceived < 0 && !filter.received().isAll()) {
      throw new IllegalStateException("receive-time filters need proven receive times");
    }
    boolean textUnchecked = payload.isEmpty() && filter.hasText();
    boolean ok = (textUnchecked ? withoutText : matcher).matches(index, e, payload, received);
    if (!ok) {
      throw new VerificationException(
          "the log returned event "
              + index
              + ", which does not match the filter: "
              + explain(filter, e, received));
    }
    return new VerifiedEvent(
        index,
        entry,
        e,
        served.payloadRecord(),
        payload,
        leaf,
        proof,
        cp.size(),
        received,
        provenReceived >= 0,
        served.chainHash(),
        textUnchecked);
  }

  /** Whether the filter matches event {@code index} (text unchecked when the payload is erased). */
  boolean matches(long index, LedgerEntry.EventEntry e, Optional<PayloadRecord> p, long received) {
    return (p.isEmpty() && filter.hasText() ? withoutText : matcher).matches(index, e, p, received);
  }

  /** Which condition of {@code f} the event fails, for messages. */
  static String explain(EventFilter f, LedgerEntry.EventEntry e, long received) {
    if (!f.time().contains(e.timeNanos())) {
      return "its time " + EventTime.format(e.timeNanos()) + " is outside " + range(f.time());
    }
    if (!f.received().contains(received)) {
      return "it was received at "
          + EventTime.format(received)
          + ", outside "
          + range(f.received());
    }
    if (!f.actors().isEmpty() && !f.actors().contains(e.actor())) {
      return "its actor " + e.actor() + " is not among " + f.actors();
    }
    if (!f.actions().isEmpty() && !f.actions().contains(e.action())) {
      return "its action " + e.action() + " is not among " + f.actions();
    }
    if (f.allowedSeverities().isPresent() && !f.allowedSeverities().get().contains(e.severity())) {
      return "its severity " + e.severity().label() + " is not allowed";
    }
    for (Map.Entry<String, String> m : f.meta().entrySet()) {
      if (!m.getValue().equals(e.meta().get(m.getKey()))) {
        return "its meta "
            + m.getKey()
            + " is "
            + e.meta().get(m.getKey())
            + ", want "
            + m.getValue();
      }
    }
    return "its payload and meta do not match the full-text query \"" + f.text() + "\"";
  }

  private static String range(dev.tlog.ledger.query.TimeRange r) {
    return "["
        + EventTime.format(r.from())
        + ", "
        + (r.to() == Long.MAX_VALUE ? "unbounded" : EventTime.format(r.to()))
        + ")";
  }
}
