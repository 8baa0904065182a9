package dev.tlog.compliance.report;

import java.util.List;

/** Renders report.md from a {@link ReportModel}; deterministic, every log-derived text escaped. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(ReportModel m) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(esc(m.mapping().title())).append(" — compliance report\n\n");
    b.append("- Framework: ").append(esc(m.framework())).append('\n');
    b.append("- Period (receive time, UTC): ").append(ReportText.period(m)).append('\n');
    b.append("- Log: ").append(esc(m.verification().origin())).append('\n');
    b.append("- Events in the period: ").append(m.events()).append('\n');
    for (String s : m.mapping().sources()) {
      b.append("- Source: ").append(esc(s)).append('\n');
    }
    b.append('\n').append(ReportText.CLAIM).append("\n\n## Controls\n\n");
    b.append(
        "| Control | Title | Status | Events | Done | Due | Failed | Missed | Unaccounted |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    for (ControlCoverage c : m.controls()) {
      row(
          b,
          esc(c.id()),
          esc(c.title()),
          c.status().label(),
          c.eventCount(),
          c.done(),
          c.due(),
          c.failed(),
          c.missed(),
          c.unaccounted());
    }
    List<ControlCoverage> none =
        m.controls().stream()
            .filter(c -> c.status() == ControlCoverage.Status.NO_EVIDENCE)
            .toList();
    b.append("\n## Controls without evidence\n\n");
    if (none.isEmpty()) {
      b.append("None.\n");
    }
    for (ControlCoverage c : none) {
      b.append("- ")
          .append(esc(c.id()))
          .append(" ")
          .append(esc(c.title()))
          .append(": no evidence (actions ")
          .append(esc(String.join(", ", c.events().keySet())))
          .append(")\n");
    }
    b.append("\n## Events by control\n\n");
    for (ControlCoverage c : m.controls()) {
      b.append("- ").append(esc(c.id())).append(": ");
      b.append(esc(ReportText.eventCounts(c)));
      if (!c.collectors().isEmpty()) {
        b.append("; collectors ").append(esc(String.join(", ", c.collectors())));
      }
      b.append('\n');
    }
    b.append("\n## Collectors\n\n");
    b.append(
        "| Collector | Schedule | Due | Done | Failed | Missed | Unaccounted | Off schedule |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (CollectorCount c : m.collectors()) {
      row(
          b,
          esc(c.name()),
          esc(String.join(", then ", c.schedules())),
          c.due(),
          c.done(),
          c.failed(),
          c.missed(),
          c.unaccounted(),
          c.offSchedule());
    }
    b.append("\n## Exceptions\n");
    for (Finding.Kind k : Finding.Kind.values()) {
      List<Finding> fs = m.findings(k);
      b.append("\n### ").append(k.heading()).append(" (").append(fs.size()).append(")\n\n");
      if (fs.isEmpty()) {
        b.append("None.\n");
      }
      for (Finding f : fs.subList(0, Math.min(fs.size(), ReportText.LISTED))) {
        b.append("- ").append(esc(ReportText.finding(f))).append('\n');
      }
      if (fs.size() > ReportText.LISTED) {
        b.append("- ").append(ReportText.more(fs.size())).append('\n');
      }
    }
    Verification v = m.verification();
    b.append("\n## Verification\n\n");
    b.append("- Log origin: ").append(esc(v.origin())).append('\n');
    b.append("- Verifier key: `").append(code(v.vkey())).append("`\n");
    b.append("- Window: ").append(ReportText.window(v)).append('\n');
    b.append("- Bundle: bundle.json, SHA-256 `").append(v.bundleSha256()).append("`\n");
    b.append("- Checkpoint (as in the bundle, with its signatures):\n\n");
    b.append("~~~\n").append(v.checkpoint().replace("~~~", "~ ~ ~"));
    if (!v.checkpoint().endsWith("\n")) {
      b.append('\n');
    }
    b.append("~~~\n\nCheck it offline:\n\n");
    for (String c : ReportText.commands()) {
      b.append("    ").append(c).append('\n');
    }
    b.append('\n').append(esc(ReportText.BY_HAND)).append('\n');
    return b.toString();
  }

  /** One table row of cells already escaped (or numbers). */
  private static void row(StringBuilder b, Object... cells) {
    b.append("| ");
    for (int i = 0; i < cells.length; i++) {
      b.append(i == 0 ? "" : " | ").append(cells[i]);
    }
    b.append(" |\n");
  }

  /** Escapes Markdown syntax and HTML in text taken from the log or the mapping. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '\n' || c == '\r') {
        b.append(' ');
      } else if ("\\`*_[]<>|&~".indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String code(String s) {
    return s.replace('`', '\'').replace('\n', ' ');
  }
}
