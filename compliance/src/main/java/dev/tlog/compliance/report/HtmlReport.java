package dev.tlog.compliance.report;

import java.util.List;

/**
 * Renders report.html from a {@link ReportModel}: one self-contained page (inline CSS with a print
 * style, no scripts, no external resources); deterministic, every text HTML-escaped.
 */
public final class HtmlReport {
  private static final String CSS =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;"
          + "max-width:70em;padding:0 1em;color:#111}"
          + "table{border-collapse:collapse;margin:1em 0;width:100%}"
          + "th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}"
          + "th{background:#eee}td.n{text-align:right}"
          + ".evidenced{color:#075e07}.exceptions{color:#8a4b00;font-weight:bold}"
          + ".no-evidence{color:#a00000;font-weight:bold}"
          + "pre,code{font-family:ui-monospace,monospace;font-size:.9em}"
          + "pre{background:#f4f4f4;padding:.5em;white-space:pre-wrap;word-break:break-all}"
          + "@media print{body{margin:0;max-width:none;font-size:10pt}"
          + "h2{page-break-after:avoid}table,pre{page-break-inside:avoid}"
          + "th{background:#ddd;-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

  private HtmlReport() {}

  public static String render(ReportModel m) {
    StringBuilder b = new StringBuilder();
    String title = m.mapping().title() + " — compliance report";
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.append("<title>").append(esc(title)).append("</title>\n");
    b.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    b.append("<h1>").append(esc(title)).append("</h1>\n<ul>\n");
    li(b, "Framework: " + m.framework());
    li(b, "Period (receive time, UTC): " + ReportText.period(m));
    li(b, "Log: " + m.verification().origin());
    li(b, "Events in the period: " + m.events());
    m.mapping().sources().forEach(s -> li(b, "Source: " + s));
    b.append("</ul>\n<p>").append(esc(ReportText.CLAIM)).append("</p>\n");
    b.append("<section id=\"controls\">\n<h2>Controls</h2>\n<table>\n<tr><th>Control</th>")
        .append("<th>Title</th><th>Status</th><th>Events</th><th>Collectors</th><th>Done</th>")
        .append("<th>Due</th><th>Failed</th><th>Missed</th><th>Unaccounted</th></tr>\n");
    for (ControlCoverage c : m.controls()) {
      b.append("<tr><td>")
          .append(esc(c.id()))
          .append("</td><td>")
          .append(esc(c.title()))
          .append("</td><td class=\"")
          .append(c.status().label().replace(' ', '-'))
          .append("\">")
          .append(c.status().label())
          .append("</td><td>");
      b.append(esc(ReportText.eventCounts(c)));
      b.append("</td><td>").append(esc(String.join(", ", c.collectors()))).append("</td>");
      nums(b, c.done(), c.due(), c.failed(), c.missed(), c.unaccounted());
      b.append("</tr>\n");
    }
    b.append("</table>\n</section>\n");
    b.append("<section id=\"no-evidence\">\n<h2>Controls without evidence</h2>\n<ul>\n");
    boolean any = false;
    for (ControlCoverage c : m.controls()) {
      if (c.status() == ControlCoverage.Status.NO_EVIDENCE) {
        any = true;
        li(b, c.id() + " " + c.title() + ": no evidence");
      }
    }
    if (!any) {
      li(b, "None.");
    }
    b.append("</ul>\n</section>\n");
    b.append("<section id=\"collectors\">\n<h2>Collectors</h2>\n<table>\n<tr><th>Collector</th>")
        .append("<th>Schedule</th><th>Due</th><th>Done</th><th>Failed</th><th>Missed</th>")
        .append("<th>Unaccounted</th><th>Off schedule</th></tr>\n");
    for (CollectorCount c : m.collectors()) {
      b.append("<tr><td>")
          .append(esc(c.name()))
          .append("</td><td>")
          .append(esc(String.join(", then ", c.schedules())))
          .append("</td>");
      nums(b, c.due(), c.done(), c.failed(), c.missed(), c.unaccounted(), c.offSchedule());
      b.append("</tr>\n");
    }
    b.append("</table>\n</section>\n<section id=\"exceptions\">\n<h2>Exceptions</h2>\n");
    for (Finding.Kind k : Finding.Kind.values()) {
      List<Finding> fs = m.findings(k);
      b.append("<h3>").append(esc(k.heading())).append(" (").append(fs.size()).append(")</h3>\n");
      b.append("<ul>\n");
      if (fs.isEmpty()) {
        li(b, "None.");
      }
      for (Finding f : fs.subList(0, Math.min(fs.size(), ReportText.LISTED))) {
        li(b, ReportText.finding(f));
      }
      if (fs.size() > ReportText.LISTED) {
        li(b, ReportText.more(fs.size()));
      }
      b.append("</ul>\n");
    }
    Verification v = m.verification();
    b.append("</section>\n<section id=\"verification\">\n<h2>Verification</h2>\n<ul>\n");
    li(b, "Log origin: " + v.origin());
    b.append("<li>Verifier key: <code>").append(esc(v.vkey())).append("</code></li>\n");
    li(b, "Window: " + ReportText.window(v));
    b.append("<li>Bundle: bundle.json, SHA-256 <code>")
        .append(esc(v.bundleSha256()))
        .append("</code></li>\n</ul>\n");
    b.append("<p>Checkpoint (as in the bundle, with its signatures):</p>\n<pre>")
        .append(esc(v.checkpoint()))
        .append("</pre>\n<p>Check it offline:</p>\n<pre>");
    b.append(esc(String.join("\n", ReportText.commands()))).append("</pre>\n");
    b.append("<p>").append(esc(ReportText.BY_HAND)).append("</p>\n");
    b.append("</section>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void li(StringBuilder b, String text) {
    b.append("<li>").append(esc(text)).append("</li>\n");
  }

  private static void nums(StringBuilder b, long... numbers) {
    for (long n : numbers) {
      b.append("<td class=\"n\">").append(n).append("</td>");
    }
  }

  /** HTML-escapes text and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
