package dev.tlog.client.report;

import dev.tlog.client.bundle.BundleVerifier;
import dev.tlog.client.ledger.VerifiedWindow;
import dev.tlog.compliance.report.ReportEvent;
import dev.tlog.compliance.report.Verification;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of a report taken from a <em>verified</em> v2 evidence bundle of a whole receive-time
 * window: the window's events with their proven receive times and payloads, and what the window was
 * verified against. Nothing here is taken from anywhere but the bundle.
 */
public final class BundleEvents {
  private BundleEvents() {}

  /** What a report is computed from. */
  public record Inputs(long from, long to, List<ReportEvent> events, Verification verification) {}

  /**
   * The inputs of {@code b}, which {@code r} says verified; the bundle must hold a bounded window
   * whose matches are all of its events (what {@code tlog export --received-from --received-to}
   * writes without filter flags).
   */
  public static Inputs of(EvidenceBundle b, BundleVerifier.Report r, String bundleSha256) {
    BundleVerifier.LedgerReport l =
        r.ledger()
            .orElseThrow(
                () -> new ReportVerificationException("bundle.json holds no ledger evidence"));
    VerifiedWindow w =
        l.window()
            .orElseThrow(
                () -> new ReportVerificationException("bundle.json holds events but no window"));
    if (w.to() == Long.MAX_VALUE) {
      throw new ReportVerificationException("bundle.json's window has no end (--received-to)");
    }
    List<ReportEvent> events = new ArrayList<>();
    for (EvidenceBundle.Entry e : b.entries()) {
      long i = e.index();
      if (i < w.start() || i >= w.end() || !(w.entry(i) instanceof LedgerEntry.EventEntry ev)) {
        continue;
      }
      byte[] record = e.payloadRecord();
      Optional<String> payload =
          record.length == 0
              ? Optional.empty()
              : Optional.of(EventCodec.parsePayloadRecord(record).payload());
      events.add(
          new ReportEvent(
              i,
              w.receivedAt(i),
              ev.actor(),
              ev.action(),
              ev.severity().label(),
              payload,
              e.leafHash().toHex()));
    }
    if (events.size() != l.matches().size()) {
      throw new ReportVerificationException(
          "bundle.json's filter matches "
              + l.matches().size()
              + " of the window's "
              + events.size()
              + " events: a report needs a bundle of the whole window, without filter flags");
    }
    Verification v =
        new Verification(
            b.origin(),
            b.logVkey(),
            r.checkpoint().size(),
            b.checkpoint(),
            w.markBefore(),
            w.start(),
            w.end(),
            bundleSha256);
    return new Inputs(w.from(), w.to(), events, v);
  }
}
