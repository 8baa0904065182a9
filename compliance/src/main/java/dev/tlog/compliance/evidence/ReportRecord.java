package dev.tlog.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The payload of an {@code evidence.report} event: which report was generated, for which period,
 * and the SHA-256 (hex) of each of its files (spec/compliance.md).
 */
public record ReportRecord(
    String framework,
    Instant from,
    Instant to,
    String reportSha256,
    String markdownSha256,
    String htmlSha256,
    String bundleSha256) {

  /** The payload JSON. */
  public String toPayload() {
    ObjectNode n = Payloads.object();
    n.put("framework", framework);
    n.put("from", Payloads.time(from));
    n.put("to", Payloads.time(to));
    n.put("report_sha256", reportSha256);
    n.put("markdown_sha256", markdownSha256);
    n.put("html_sha256", htmlSha256);
    n.put("bundle_sha256", bundleSha256);
    return Payloads.write(n);
  }

  /** Reads an {@code evidence.report} payload. */
  public static ReportRecord parse(String payload) {
    JsonNode n = Payloads.read(payload);
    return new ReportRecord(
        Payloads.text(n, "framework"),
        Payloads.instant(n, "from"),
        Payloads.instant(n, "to"),
        Payloads.text(n, "report_sha256"),
        Payloads.text(n, "markdown_sha256"),
        Payloads.text(n, "html_sha256"),
        Payloads.text(n, "bundle_sha256"));
  }
}
