package dev.tlog.compliance.report;

import java.util.List;

/** Wording shared by the Markdown and HTML renderings, so both say the same thing. */
final class ReportText {
  /** Most findings of one kind the Markdown and HTML list; report.json lists all. */
  static final int LISTED = 200;

  private ReportText() {}

  static String period(ReportModel m) {
    return "[" + Times.format(m.from()) + ", " + Times.format(m.to()) + ")";
  }

  static String window(Verification v) {
    return "entries ["
        + v.start()
        + ", "
        + v.end()
        + "), mark_before "
        + (v.markBefore().isPresent() ? String.valueOf(v.markBefore().getAsLong()) : "none")
        + ", in a tree of size "
        + v.treeSize();
  }

  static String finding(Finding f) {
    StringBuilder b = new StringBuilder();
    if (f.index() >= 0) {
      b.append("index ").append(f.index()).append(", received ").append(Times.format(f.received()));
    }
    if (!f.actor().isEmpty()) {
      b.append(", ").append(f.actor());
    }
    if (!f.collector().isEmpty()) {
      b.append(b.length() == 0 ? "" : ", ").append("collector ").append(f.collector());
    }
    return b.append(": ").append(f.what()).toString();
  }

  /** "action count, …" for one control's events, in the model's order. */
  static String eventCounts(ControlCoverage c) {
    return String.join(
        ", ", c.events().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  static String more(int total) {
    return total > LISTED
        ? "… and " + (total - LISTED) + " more (report.json lists all " + total + ")"
        : "";
  }

  static List<String> commands() {
    return List.of(
        "tlog verify-report DIR --vkey-file LOG.vkey",
        "tlog verify-bundle DIR/bundle.json --vkey-file LOG.vkey");
  }

  static final String BY_HAND =
      "By hand (spec/ledger.md, \"Checking an entry by hand\"; spec/evidence-bundle.md,"
          + " \"Verifying by hand\"): an entry's leaf hash is the SHA-256 of a zero byte followed"
          + " by the entry's bytes, its payload commitment the SHA-256 of the salt followed by the"
          + " canonical payload; the range proof leads from the leaf hashes to the checkpoint's"
          + " root, which the log key above signs. sha256sum of report.json, report.md,"
          + " report.html and bundle.json must equal the hashes in the evidence.report event of"
          + " receipt.json.";

  static final String CLAIM =
      "Counts are computed from the events of the evidence bundle only; a control with no event"
          + " and no collector in the period is listed as having no evidence.";
}
