package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.bundle.BundleVerifier;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlog verify-bundle FILE}: verify an evidence bundle offline. */
@Command(
    name = "verify-bundle",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies an evidence bundle fully offline: its canonical form, the log key (against --vkey",
      "if given), the checkpoint signature and cosignatures, each entry's leaf hash and inclusion",
      "proof. On failure says which check failed. Without --vkey the key in the bundle is used:",
      "compare it with the log's published key yourself."
    },
    footerHeading = "%n",
    footer = {"Exit codes: 0 bundle verified, 2 usage, 3 verification failed, 7 cannot read FILE."})
final class VerifyBundleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The bundle file.")
  Path file;

  @Option(names = "--vkey", defaultValue = "${env:TLOG_VKEY}", description = "The trusted log key.")
  String vkey;

  @Option(names = "--vkey-file", paramLabel = "FILE", description = "File holding the trusted key.")
  Path vkeyFile;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), json);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String trusted = vkey == null && vkeyFile == null ? null : LogOptions.readVkey(vkey, vkeyFile);
    EvidenceBundle b = BundleCodec.decode(bytes);
    BundleVerifier.Report r = BundleVerifier.verify(b, trusted);
    VerifiedCheckpoint cp = r.checkpoint();
    out.line("bundle verified: " + file);
    out.checkpointLines(cp, b.logVkey());
    for (EvidenceBundle.Entry e : b.entries()) {
      out.line(
          "entry " + e.index() + ": leaf " + e.leafHash().toHex() + " included (proof checked)");
    }
    if (!r.keyPinned()) {
      out.line(
          "WARNING: no --vkey given; trusted the bundle's own key "
              + b.logVkey()
              + ". Compare it with the log's published key.");
    }
    var node = Output.checkpointJson(cp);
    node.put("verified", true).put("key_pinned", r.keyPinned()).put("entries", r.entries());
    out.json(node);
    return ExitCodes.OK;
  }
}
