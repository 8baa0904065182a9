package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifiedEntry;
import dev.tlog.client.state.AtomicFiles;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.bundle.LedgerEvidence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog export}: write an evidence bundle for some entries or for ledger events. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exports an evidence bundle (spec/evidence-bundle.md) with the log's vkey, a verified",
      "checkpoint with its log signature and the verified cosignatures of every --witness, and",
      "plain-language instructions. Everything is verified before it is written; check it later,",
      "offline, with verify-bundle.",
      "Entries by index (v1 bundle): --index N (repeatable) or --from N --to M.",
      "Ledger events (v2 bundle): with --received-from (and --received-to) and any filter flags,",
      "the whole receive-time window [mark_before, end] with its range proof, every payload record",
      "of the window, the filter and its matches, proven complete here first (as window verify",
      "--verify-complete); with --hits-only, or filter flags without --received-from, only the",
      "matching events with their own inclusion proofs (receive times are then not provable and",
      "are left out of the bundle's filter)."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 bundle written, 2 usage, 3 verification failed, 4 ALERT rollback/fork,",
      "5 unreachable, 6 rejected (index beyond the tree), 7 local file or state error,",
      "8 INCOMPLETE: the log left out a matching event of the window."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;
  @Mixin FilterOptions filter;

  @Option(names = "--index", paramLabel = "N", description = "An entry to include (repeatable).")
  List<Long> indexes = new ArrayList<>();

  @Option(names = "--from", paramLabel = "N", description = "First entry of an index range.")
  Long from;

  @Option(names = "--to", paramLabel = "N", description = "End of the index range (exclusive).")
  Long to;

  @Option(names = "--time-from", paramLabel = "TIME", description = "Event time at or after TIME.")
  String timeFrom;

  @Option(names = "--time-to", paramLabel = "TIME", description = "Event time before TIME.")
  String timeTo;

  @Option(
      names = "--hits-only",
      description = "Export only the matching events, not the window's completeness proof.")
  boolean hitsOnly;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      required = true,
      description = "Bundle file.")
  Path outFile;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    boolean ledger = filter.any() || timeFrom != null || timeTo != null || hitsOnly;
    if (ledger && (from != null || to != null || !indexes.isEmpty())) {
      throw new UsageException(
          "choose entries by index (--index, --from/--to) or ledger events (filter flags), not"
              + " both");
    }
    try (Session s = Session.open(options)) {
      if (!ledger) {
        return entries(s, out);
      }
      EventTimeOptions time = EventTimeOptions.of(timeFrom, timeTo, "--time-from", "--time-to");
      LedgerExport.Built b =
          filter.hasReceived() && !hitsOnly
              ? new LedgerExport(s).window(filter.receivedWindow(true), filter.filter(time, false))
              : new LedgerExport(s).hits(filter.filter(time, true));
      write(s, b.checkpoint(), b.entries(), Optional.of(b.evidence()));
      out.line("wrote " + outFile + ": " + b.description() + " (verified)");
      for (String note : b.notes()) {
        out.line("note: " + note);
      }
      var json = out.object();
      json.put("file", outFile.toString())
          .put("format", BundleCodec.FORMAT_V2)
          .put("kind", b.evidence().window().isPresent() ? "window" : "events")
          .put("entries", b.entries().size())
          .put("matches", b.evidence().matches().size())
          .put("tree_size", b.checkpoint().size());
      out.json(json);
      return ExitCodes.OK;
    }
  }

  private int entries(Session s, Output out) {
    TreeSet<Long> chosen = new TreeSet<>(indexes);
    if ((from == null) != (to == null)) {
      throw new UsageException("give both --from and --to");
    }
    VerifiedCheckpoint cp = s.reader.checkpoint();
    s.tracker.observeLatest(cp);
    if (from != null) {
      if (from < 0 || to < from || to > cp.size()) {
        throw new UsageException(
            "range [" + from + ", " + to + ") is not within size " + cp.size());
      }
      for (long i = from; i < to; i++) {
        chosen.add(i);
      }
    }
    if (chosen.isEmpty()) {
      throw new UsageException(
          "choose entries with --index or --from/--to, or ledger events with filter flags");
    }
    List<EvidenceBundle.Entry> entries = new ArrayList<>();
    for (long i : chosen) {
      VerifiedEntry e = s.reader.entry(i, cp);
      entries.add(new EvidenceBundle.Entry(i, e.data(), e.leafHash(), e.proof().hashes()));
    }
    write(s, cp, entries, Optional.empty());
    out.line(
        "wrote "
            + outFile
            + ": "
            + entries.size()
            + " entr"
            + (entries.size() == 1 ? "y" : "ies")
            + " with inclusion proofs in checkpoint size "
            + cp.size()
            + " (verified)");
    var json = out.object();
    json.put("file", outFile.toString()).put("entries", entries.size()).put("tree_size", cp.size());
    out.json(json);
    return ExitCodes.OK;
  }

  /** Verifies the bundle as verify-bundle will, then writes it atomically. */
  private void write(
      Session s,
      VerifiedCheckpoint cp,
      List<EvidenceBundle.Entry> entries,
      Optional<LedgerEvidence> ledger) {
    AtomicFiles.write(outFile, BundleCodec.encode(VerifiedBundles.of(s, cp, entries, ledger)));
  }
}
