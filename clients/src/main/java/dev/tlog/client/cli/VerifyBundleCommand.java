package dev.tlog.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.bundle.BundleVerifier;
import dev.tlog.client.ledger.VerifiedWindow;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.merkle.ledger.LedgerEntry;
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
      "proof. For ledger evidence (v2) also: the window's range proof, that every entry is a",
      "ledger entry, payload records against their commitments, the four completeness conditions",
      "of the window, and the filter re-applied to every event, which must match exactly the",
      "listed matches. On failure says which check failed. Without --vkey the key in the bundle",
      "is used: compare it with the log's published key yourself."
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
    if (r.ledger().isPresent()) {
      ledgerLines(out, b, r.ledger().get());
    } else {
      for (EvidenceBundle.Entry e : b.entries()) {
        out.line(
            "entry " + e.index() + ": leaf " + e.leafHash().toHex() + " included (proof checked)");
      }
    }
    if (!r.keyPinned()) {
      out.line(
          "WARNING: no --vkey given; trusted the bundle's own key "
              + b.logVkey()
              + ". Compare it with the log's published key.");
    }
    var node = Output.checkpointJson(cp);
    node.put("verified", true).put("key_pinned", r.keyPinned()).put("entries", r.entries());
    node.put("format", b.version() == 2 ? BundleCodec.FORMAT_V2 : BundleCodec.FORMAT);
    r.ledger().ifPresent(l -> node.set("ledger", ledgerJson(l)));
    out.json(node);
    return ExitCodes.OK;
  }

  private static void ledgerLines(Output out, EvidenceBundle b, BundleVerifier.LedgerReport l) {
    if (l.window().isPresent()) {
      VerifiedWindow w = l.window().get();
      out.line(
          "window: received in ["
              + EventTime.format(w.from())
              + ", "
              + (w.to() == Long.MAX_VALUE ? "unbounded" : EventTime.format(w.to()))
              + "): entries ["
              + w.start()
              + ", "
              + w.end()
              + "), "
              + w.events()
              + " events");
      out.line(
          "range ["
              + w.rangeStart()
              + ", "
              + w.rangeEnd()
              + ") proven against the signed root;"
              + " completeness conditions 1-4 hold");
    } else {
      out.line(
          b.entries().size()
              + " events, each with its inclusion proof (no window: receive times not proven)");
    }
    out.line("filter: " + LedgerOutput.filterJson(l.filter()));
    out.line(
        "matches: "
            + l.matches().size()
            + " event"
            + (l.matches().size() == 1 ? "" : "s")
            + (l.window().isPresent() ? ", exactly those of the window the filter matches" : "")
            + ", payloads checked against their commitments");
    for (EvidenceBundle.Entry e : b.entries()) {
      if (l.matches().contains(e.index())
          && EventCodec.parseEntry(e.data()) instanceof LedgerEntry.EventEntry ev) {
        out.line(
            "  "
                + e.index()
                + "  "
                + LedgerOutput.time(ev.timeNanos())
                + "  "
                + ev.actor()
                + "  "
                + ev.action()
                + "  "
                + ev.severity().label()
                + "  leaf "
                + e.leafHash().toHex());
      }
    }
    if (!l.undecided().isEmpty()) {
      out.line("erased payloads, full-text match not checked: " + l.undecided());
    }
  }

  private static ObjectNode ledgerJson(BundleVerifier.LedgerReport l) {
    ObjectNode n = Output.JSON.createObjectNode();
    n.put("kind", l.window().isPresent() ? "window" : "events");
    n.set("filter", LedgerOutput.filterJson(l.filter()));
    l.window()
        .ifPresent(
            w ->
                n.putObject("window")
                    .put("start", w.start())
                    .put("end", w.end())
                    .put("events", w.events())
                    .put("range_start", w.rangeStart())
                    .put("range_end", w.rangeEnd())
                    .put("complete", true));
    ArrayNode m = n.putArray("matches");
    l.matches().forEach(m::add);
    ArrayNode u = n.putArray("undecided");
    l.undecided().forEach(u::add);
    return n;
  }
}
