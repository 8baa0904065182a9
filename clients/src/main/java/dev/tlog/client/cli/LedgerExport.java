package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.ledger.BundleFilters;
import dev.tlog.client.ledger.LedgerReader;
import dev.tlog.client.ledger.VerifiedEvent;
import dev.tlog.client.ledger.VerifiedWindow;
import dev.tlog.client.ledger.WindowVerifier;
import dev.tlog.client.ledger.WindowVerifier.WindowCheck;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.bundle.LedgerEvidence;
import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Gathers the verified content of a v2 evidence bundle (spec/evidence-bundle.md). */
final class LedgerExport {
  private final Session session;
  private final LedgerReader ledger;

  LedgerExport(Session session) {
    this.session = session;
    this.ledger = session.ledger("export");
  }

  /** What goes into the bundle, and what to tell the user. */
  record Built(
      VerifiedCheckpoint checkpoint,
      List<EvidenceBundle.Entry> entries,
      LedgerEvidence evidence,
      String description,
      List<String> notes) {}

  /**
   * The window {@code r} proven complete for {@code filter}: its whole range, payload records of
   * its events, the range proof, and the matches the client found itself (equal to the log's).
   */
  Built window(TimeRange r, EventFilter filter) {
    WindowCheck c = new WindowVerifier(ledger).check(r.from(), r.to(), filter, true);
    VerifiedWindow w = c.window();
    VerifiedCheckpoint cp = w.checkpoint();
    long lo = w.rangeStart();
    long hi = w.rangeEnd();
    if (hi - lo > BundleCodec.MAX_ENTRIES) {
      throw new UsageException(
          "the window's range holds "
              + (hi - lo)
              + " entries, a bundle at most "
              + BundleCodec.MAX_ENTRIES
              + ": narrow the window or use --hits-only");
    }
    if (hi == lo) {
      throw new UsageException("the log is empty: nothing to export");
    }
    List<EvidenceBundle.Entry> entries = new ArrayList<>();
    for (long i = lo; i < hi; i++) {
      byte[] record = c.records().getOrDefault(i, new byte[0]);
      entries.add(new EvidenceBundle.Entry(i, w.entryBytes(i), w.leaf(i), List.of(), record));
    }
    List<Hash> inclusion = session.reader.source().inclusionProof(lo, cp.size()).hashes();
    List<Hash> consistency =
        hi == cp.size()
            ? List.of()
            : session.reader.source().consistencyProof(hi, cp.size()).hashes();
    LedgerEvidence.Window window =
        new LedgerEvidence.Window(
            r.from(),
            r.to() == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(r.to()),
            w.start(),
            w.end(),
            w.markBefore(),
            inclusion,
            consistency);
    LedgerEvidence evidence =
        new LedgerEvidence(BundleFilters.toBundle(c.filter()), Optional.of(window), c.found());
    String what =
        "window ["
            + w.start()
            + ", "
            + w.end()
            + ") with "
            + w.events()
            + " events, "
            + c.found().size()
            + " matching, proven complete in checkpoint size "
            + cp.size();
    List<String> notes = new ArrayList<>();
    if (!c.undecided().isEmpty()) {
      notes.add(c.undecided().size() + " events with erased payloads could not be text-matched");
    }
    return new Built(cp, entries, evidence, what, notes);
  }

  /** The events matching {@code filter}, each with its inclusion proof in one checkpoint. */
  Built hits(EventFilter filter) {
    LedgerReader.VerifiedResults r = ledger.queryAll(filter, BundleCodec.MAX_ENTRIES + 1);
    if (r.events().isEmpty()) {
      throw new UsageException("no event matches the filter: nothing to export");
    }
    if (r.events().size() > BundleCodec.MAX_ENTRIES) {
      throw new UsageException(
          "more than " + BundleCodec.MAX_ENTRIES + " events match: narrow the filter");
    }
    VerifiedCheckpoint cp = r.checkpoint();
    List<EvidenceBundle.Entry> entries = new ArrayList<>();
    List<Long> matches = new ArrayList<>();
    for (VerifiedEvent e : r.events()) {
      List<Hash> proof =
          e.treeSize() == cp.size()
              ? e.proof()
              : session.reader.source().inclusionProof(e.index(), cp.size()).hashes();
      entries.add(
          new EvidenceBundle.Entry(e.index(), e.entry(), e.leafHash(), proof, e.payloadRecord()));
      matches.add(e.index());
    }
    List<String> notes = new ArrayList<>();
    if (!filter.received().isAll()) {
      notes.add(
          "receive times are not provable without the window and are left out of the bundle's"
              + " filter; export the window (without --hits-only) to prove them");
    }
    LedgerEvidence evidence =
        new LedgerEvidence(
            BundleFilters.toBundle(BundleFilters.withoutReceived(filter)),
            Optional.empty(),
            matches);
    String what =
        entries.size()
            + " matching event"
            + (entries.size() == 1 ? "" : "s")
            + " with inclusion proofs in checkpoint size "
            + cp.size();
    return new Built(cp, entries, evidence, what, notes);
  }
}
