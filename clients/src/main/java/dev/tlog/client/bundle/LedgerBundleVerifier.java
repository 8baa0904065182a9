package dev.tlog.client.bundle;

import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifyingReader;
import dev.tlog.client.bundle.BundleVerificationException.Failure;
import dev.tlog.client.ledger.BundleFilters;
import dev.tlog.client.ledger.VerifiedWindow;
import dev.tlog.client.ledger.WindowConditions;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.EventMatcher;
import dev.tlog.ledger.query.FilterException;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.bundle.LedgerEvidence;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Verifies the ledger evidence of a {@code tlog-evidence-bundle/v2} offline, after the checks every
 * bundle gets (key, checkpoint, signatures, leaf hashes), in the order of spec/evidence-bundle.md,
 * "Verifying ledger evidence": inclusion (each entry's proof, or the window's range proof), ledger
 * entries, payload records, the window's completeness conditions, and the matches, re-derived by
 * applying the filter with the same matcher the log's index uses.
 */
final class LedgerBundleVerifier {
  private LedgerBundleVerifier() {}

  static BundleVerifier.LedgerReport verify(
      EvidenceBundle b, LedgerEvidence l, VerifiedCheckpoint cp) {
    Optional<VerifiedWindow> window =
        l.window().isPresent() ? Optional.of(range(b, l.window().get(), cp)) : Optional.empty();
    if (window.isEmpty()) {
      for (EvidenceBundle.Entry e : b.entries()) {
        try {
          VerifyingReader.checkInclusion(
              new InclusionProof(e.index(), cp.size(), e.proof()), e.index(), e.leafHash(), cp);
        } catch (VerificationException ex) {
          throw new BundleVerificationException(Failure.INCLUSION_PROOF, ex.getMessage(), ex);
        }
      }
    }
    List<LedgerEntry> parsed = new ArrayList<>();
    List<Optional<PayloadRecord>> payloads = new ArrayList<>();
    for (EvidenceBundle.Entry e : b.entries()) {
      LedgerEntry entry = entry(e);
      if (window.isEmpty() && !(entry instanceof LedgerEntry.EventEntry)) {
        throw new BundleVerificationException(
            Failure.LEDGER_ENTRY, "entry " + e.index() + " is a clock mark, not an event", null);
      }
      parsed.add(entry);
    }
    for (int k = 0; k < b.entries().size(); k++) {
      payloads.add(payload(b.entries().get(k), parsed.get(k)));
    }
    EventFilter filter;
    try {
      filter = BundleFilters.fromBundle(l.filter());
      EventMatcher.of(filter);
    } catch (FilterException | EventFormatException e) {
      throw new BundleVerificationException(Failure.MATCHES, "filter: " + e.getMessage(), e);
    }
    if (window.isPresent()) {
      VerifiedWindow w = window.get();
      TimeRange stated = new TimeRange(w.from(), w.to());
      if (!filter.received().equals(stated)) {
        throw new BundleVerificationException(
            Failure.WINDOW,
            "the filter's receive times " + filter.received() + " are not the window's " + stated,
            null);
      }
      try {
        WindowConditions.check(w);
      } catch (VerificationException e) {
        throw new BundleVerificationException(Failure.WINDOW, e.getMessage(), e);
      }
    }
    EventFilter applied = window.isPresent() ? filter : BundleFilters.withoutReceived(filter);
    EventMatcher matcher = EventMatcher.of(applied);
    EventMatcher withoutText =
        EventMatcher.of(
            new EventFilter(
                applied.time(),
                applied.received(),
                applied.actors(),
                applied.actions(),
                applied.severities(),
                applied.minSeverity(),
                applied.meta(),
                ""));
    TreeSet<Long> found = new TreeSet<>();
    TreeSet<Long> undecided = new TreeSet<>();
    for (int k = 0; k < b.entries().size(); k++) {
      long i = b.entries().get(k).index();
      if (!(parsed.get(k) instanceof LedgerEntry.EventEntry e)) {
        continue;
      }
      long received = -1;
      if (window.isPresent()) {
        VerifiedWindow w = window.get();
        if (i < w.start() || i >= w.end()) {
          continue;
        }
        received = w.receivedAt(i);
      }
      Optional<PayloadRecord> p = payloads.get(k);
      boolean textUnknown = p.isEmpty() && applied.hasText();
      if ((textUnknown ? withoutText : matcher).matches(i, e, p, received)) {
        (textUnknown ? undecided : found).add(i);
      }
    }
    List<Long> listed = l.matches();
    List<Long> missing = new ArrayList<>(found);
    missing.removeAll(listed);
    List<Long> extra = new ArrayList<>(listed);
    extra.removeAll(found);
    extra.removeAll(undecided);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new BundleVerificationException(
          Failure.MATCHES,
          "the filter matches events "
              + found
              + (undecided.isEmpty() ? "" : " (erased payloads, text unchecked: " + undecided + ")")
              + ", the bundle lists "
              + listed,
          null);
    }
    if (window.isEmpty() && listed.size() != b.entries().size()) {
      throw new BundleVerificationException(
          Failure.MATCHES, "a bundle without a window must list every entry as a match", null);
    }
    return new BundleVerifier.LedgerReport(window, filter, listed, List.copyOf(undecided));
  }

  /** The window's entries must be exactly its range, proven by the range proof. */
  private static VerifiedWindow range(
      EvidenceBundle b, LedgerEvidence.Window w, VerifiedCheckpoint cp) {
    long n = cp.size();
    if (w.start() > w.end()
        || w.end() > n
        || w.markBefore().isPresent() != (w.start() > 0)
        || (w.markBefore().isPresent() && w.markBefore().getAsLong() >= w.start())
        || (w.receivedTo().isPresent() && w.receivedTo().getAsLong() <= w.receivedFrom())) {
      throw new BundleVerificationException(
          Failure.WINDOW,
          "window ["
              + w.start()
              + ", "
              + w.end()
              + ") with mark_before "
              + (w.markBefore().isPresent() ? w.markBefore().getAsLong() : "null")
              + " is not a window of a tree of size "
              + n,
          null);
    }
    long lo = w.rangeStart();
    long hi = w.rangeEnd(n);
    List<Hash> leaves = new ArrayList<>();
    List<byte[]> data = new ArrayList<>();
    for (EvidenceBundle.Entry e : b.entries()) {
      long want = lo + leaves.size();
      if (e.index() != want) {
        throw new BundleVerificationException(
            Failure.RANGE,
            "the window's entries must be ["
                + lo
                + ", "
                + hi
                + "); entry "
                + want
                + " is missing (found "
                + e.index()
                + ")",
            null);
      }
      if (!e.proof().isEmpty()) {
        throw new BundleVerificationException(
            Failure.RANGE,
            "entry "
                + e.index()
                + " carries an inclusion proof; the window's range proof covers it",
            null);
      }
      leaves.add(e.leafHash());
      data.add(e.data());
    }
    if (lo + leaves.size() != hi) {
      throw new BundleVerificationException(
          Failure.RANGE,
          "the window's entries must be ["
              + lo
              + ", "
              + hi
              + "); the bundle ends at "
              + (lo + leaves.size()),
          null);
    }
    try {
      Proofs.checkRange(
          lo,
          leaves,
          new InclusionProof(lo, n, w.rangeInclusion()),
          new ConsistencyProof(hi, n, w.rangeConsistency()),
          cp.root());
    } catch (MerkleException e) {
      throw new BundleVerificationException(
          Failure.RANGE,
          "entries [" + lo + ", " + hi + ") in size " + n + ": " + e.getMessage(),
          e);
    }
    List<LedgerEntry> parsed = new ArrayList<>();
    for (EvidenceBundle.Entry e : b.entries()) {
      parsed.add(entry(e));
    }
    OptionalLong before = w.markBefore();
    return new VerifiedWindow(
        cp,
        w.receivedFrom(),
        w.receivedTo().orElse(Long.MAX_VALUE),
        w.start(),
        w.end(),
        before,
        lo,
        data,
        leaves,
        parsed);
  }

  private static LedgerEntry entry(EvidenceBundle.Entry e) {
    try {
      return EventCodec.parseEntry(e.data());
    } catch (EventFormatException ex) {
      throw new BundleVerificationException(
          Failure.LEDGER_ENTRY, "entry " + e.index() + ": " + ex.getMessage(), ex);
    }
  }

  private static Optional<PayloadRecord> payload(EvidenceBundle.Entry e, LedgerEntry entry) {
    byte[] record = e.payloadRecord();
    if (record.length == 0) {
      return Optional.empty();
    }
    if (!(entry instanceof LedgerEntry.EventEntry event)) {
      throw new BundleVerificationException(
          Failure.PAYLOAD, "clock mark " + e.index() + " has a payload record", null);
    }
    try {
      PayloadRecord r = EventCodec.parsePayloadRecord(record);
      r.checkAgainst(event);
      return Optional.of(r);
    } catch (EventFormatException ex) {
      throw new BundleVerificationException(
          Failure.PAYLOAD, "entry " + e.index() + ": " + ex.getMessage(), ex);
    }
  }
}
