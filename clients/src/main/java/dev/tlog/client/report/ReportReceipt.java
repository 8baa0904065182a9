package dev.tlog.client.report;

import dev.tlog.client.bundle.BundleVerifier;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.compliance.evidence.EvidenceFormatException;
import dev.tlog.compliance.evidence.ReportRecord;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import java.time.Instant;

/**
 * Checks {@code receipt.json}: a v2 evidence bundle of the one {@code evidence.report} event that
 * recorded the report (entry bytes, leaf hash, inclusion proof, payload record, checkpoint signed
 * by the log key), and that the event's payload names exactly these files' hashes and this report's
 * framework and period.
 */
public final class ReportReceipt {
  private ReportReceipt() {}

  /** What a verified receipt shows. */
  public record Checked(long index, long treeSize, ReportRecord record) {}

  /**
   * Verifies {@code receipt} with {@code vkey} (the key the report's bundle was verified with) and
   * compares its event's payload with {@code expected}.
   */
  public static Checked check(byte[] receipt, String vkey, ReportRecord expected) {
    EvidenceBundle b = BundleCodec.decode(receipt);
    BundleVerifier.Report r = BundleVerifier.verify(b, vkey);
    if (b.entries().size() != 1 || r.ledger().isEmpty()) {
      throw new ReportVerificationException(
          "receipt.json must hold exactly one ledger event, it holds " + b.entries().size());
    }
    EvidenceBundle.Entry e = b.entries().get(0);
    if (!(EventCodec.parseEntry(e.data()) instanceof LedgerEntry.EventEntry ev)
        || !ev.action().equals(Evidence.REPORT)) {
      throw new ReportVerificationException(
          "receipt.json's entry " + e.index() + " is not an " + Evidence.REPORT + " event");
    }
    if (e.payloadRecord().length == 0) {
      throw new ReportVerificationException(
          "receipt.json's event " + e.index() + " has no payload to compare");
    }
    ReportRecord got;
    try {
      got = ReportRecord.parse(EventCodec.parsePayloadRecord(e.payloadRecord()).payload());
    } catch (EvidenceFormatException x) {
      throw new ReportVerificationException("receipt.json: " + x.getMessage(), x);
    }
    compare("framework", got.framework(), expected.framework());
    compare("from", got.from(), expected.from());
    compare("to", got.to(), expected.to());
    compare("report_sha256 (report.json)", got.reportSha256(), expected.reportSha256());
    compare("markdown_sha256 (report.md)", got.markdownSha256(), expected.markdownSha256());
    compare("html_sha256 (report.html)", got.htmlSha256(), expected.htmlSha256());
    compare("bundle_sha256 (bundle.json)", got.bundleSha256(), expected.bundleSha256());
    return new Checked(e.index(), r.checkpoint().size(), got);
  }

  private static void compare(String field, Object got, Object want) {
    if (!got.equals(want)) {
      String g = got instanceof Instant ? got.toString() : String.valueOf(got);
      throw new ReportVerificationException(
          "receipt.json's event says " + field + " " + g + ", the report's files give " + want);
    }
  }
}
