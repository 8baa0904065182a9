package dev.tlog.client.cli;

import dev.tlog.client.report.ReportVerifier;
import dev.tlog.compliance.report.ReportModel;
import dev.tlog.merkle.ledger.EventTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlog verify-report DIR}: check a compliance report offline. */
@Command(
    name = "verify-report",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies a report directory written by tlog report, fully offline: bundle.json as",
      "verify-bundle does (against --vkey if given), report.json recomputed from the bundle and",
      "the framework, period and mapping it states (byte for byte), report.md and report.html",
      "re-rendered and compared, and, when present, receipt.json: the evidence.report event's",
      "entry, leaf hash, inclusion proof and signed checkpoint, and that its payload carries",
      "these files' SHA-256 hashes. Without --vkey the bundle's own key is used: compare it with",
      "the log's published key yourself."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 report verified, 2 usage, 3 verification failed (names the file and the",
      "check), 7 cannot read DIR."
    })
final class VerifyReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The report directory.")
  Path dir;

  @Option(names = "--vkey", defaultValue = "${env:TLOG_VKEY}", description = "The trusted log key.")
  String vkey;

  @Option(names = "--vkey-file", paramLabel = "FILE", description = "File holding the trusted key.")
  Path vkeyFile;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), json);
    if (!Files.isDirectory(dir)) {
      String why = dir + " is not a directory";
      throw new java.io.UncheckedIOException(why, new java.io.IOException(why));
    }
    String trusted = vkey == null && vkeyFile == null ? null : LogOptions.readVkey(vkey, vkeyFile);
    ReportVerifier.Verified v = ReportVerifier.verify(dir, trusted);
    ReportModel m = v.report().model();
    out.line(
        "report verified: "
            + m.framework()
            + ", received in ["
            + EventTime.format(m.from())
            + ", "
            + EventTime.format(m.to())
            + "), "
            + ReportCommand.summary(m));
    out.line(
        "bundle.json verified (window ["
            + m.verification().start()
            + ", "
            + m.verification().end()
            + ") complete in checkpoint size "
            + m.verification().treeSize()
            + "); report.json, report.md, report.html recomputed byte for byte");
    v.receipt()
        .ifPresentOrElse(
            r ->
                out.line(
                    "receipt.json verified: evidence.report at index "
                        + r.index()
                        + " in checkpoint size "
                        + r.treeSize()
                        + " carries these files' hashes"),
            () -> out.line("no receipt.json: the report was not recorded (--no-record)"));
    if (trusted == null) {
      out.line(
          "WARNING: no --vkey given; trusted the bundle's own key "
              + m.verification().vkey()
              + ". Compare it with the log's published key.");
    }
    var node = out.object();
    node.put("verified", true)
        .put("framework", m.framework())
        .put("key_pinned", trusted != null)
        .put("events", m.events())
        .put("receipt_index", v.receipt().map(r -> r.index()).orElse(-1L));
    out.json(node);
    return ExitCodes.OK;
  }
}
