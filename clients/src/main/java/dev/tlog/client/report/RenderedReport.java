package dev.tlog.client.report;

import dev.tlog.client.bundle.BundleVerifier;
import dev.tlog.compliance.mapping.ControlMapping;
import dev.tlog.compliance.report.HtmlReport;
import dev.tlog.compliance.report.MarkdownReport;
import dev.tlog.compliance.report.ReportCalculator;
import dev.tlog.compliance.report.ReportJson;
import dev.tlog.compliance.report.ReportModel;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.ledger.EventTime;
import java.nio.charset.StandardCharsets;

/**
 * A report computed from a bundle's bytes and its parameters, and its three files' bytes. The one
 * path both {@code tlog report} and {@code tlog verify-report} take, so that the second recomputes
 * exactly what the first wrote.
 */
public record RenderedReport(ReportModel model, byte[] json, byte[] markdown, byte[] html) {

  /**
   * Verifies {@code bundleBytes} (against {@code trustedVkey}, or its own key when null) and
   * computes the report of its window for {@code framework}, {@code [from, to)} and {@code
   * mapping}; the period must be the bundle's window.
   */
  public static RenderedReport of(
      byte[] bundleBytes,
      String trustedVkey,
      String framework,
      long from,
      long to,
      ControlMapping mapping) {
    EvidenceBundle b = BundleCodec.decode(bundleBytes);
    BundleVerifier.Report r = BundleVerifier.verify(b, trustedVkey);
    BundleEvents.Inputs in = BundleEvents.of(b, r, ReportFiles.sha256(bundleBytes));
    if (in.from() != from || in.to() != to) {
      throw new ReportVerificationException(
          "the report's period ["
              + EventTime.format(from)
              + ", "
              + EventTime.format(to)
              + ") is not the bundle's window ["
              + EventTime.format(in.from())
              + ", "
              + EventTime.format(in.to())
              + ")");
    }
    ReportModel m =
        new ReportCalculator()
            .compute(framework, from, to, mapping, in.verification(), in.events());
    return new RenderedReport(
        m,
        ReportJson.write(m),
        MarkdownReport.render(m).getBytes(StandardCharsets.UTF_8),
        HtmlReport.render(m).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] json() {
    return json.clone();
  }

  @Override
  public byte[] markdown() {
    return markdown.clone();
  }

  @Override
  public byte[] html() {
    return html.clone();
  }
}
