package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifiedEntry;
import dev.tlog.client.bundle.BundleVerifier;
import dev.tlog.client.state.AtomicFiles;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.note.Note;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog export}: write an evidence bundle for some entries. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exports an evidence bundle (spec/evidence-bundle.md): the chosen entries, their inclusion",
      "proofs in the latest verified checkpoint, that checkpoint with its log signature and the",
      "verified cosignatures of every --witness, the log's vkey and plain-language instructions.",
      "Everything is verified before it is written; check it later, offline, with verify-bundle."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 bundle written, 2 usage, 3 verification failed, 4 ALERT rollback/fork,",
      "5 unreachable, 6 rejected (index beyond the tree), 7 local file or state error."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Option(names = "--index", paramLabel = "N", description = "An entry to include (repeatable).")
  List<Long> indexes = new ArrayList<>();

  @Option(names = "--from", paramLabel = "N", description = "First entry of a range.")
  Long from;

  @Option(names = "--to", paramLabel = "N", description = "End of the range (exclusive).")
  Long to;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      required = true,
      description = "Bundle file.")
  Path outFile;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    TreeSet<Long> chosen = new TreeSet<>(indexes);
    if ((from == null) != (to == null)) {
      throw new UsageException("give both --from and --to");
    }
    try (Session s = Session.open(options)) {
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
        throw new UsageException("choose entries with --index or --from/--to");
      }
      List<EvidenceBundle.Entry> entries = new ArrayList<>();
      for (long i : chosen) {
        VerifiedEntry e = s.reader.entry(i, cp);
        entries.add(new EvidenceBundle.Entry(i, e.data(), e.leafHash(), e.proof().hashes()));
      }
      // Keep only signatures the verifier can check: unknown ones would make the bundle fail.
      Note note = Note.parse(cp.note());
      var known =
          note.signatures().stream()
              .filter(sig -> !cp.unknownSigners().contains(sig.keyId()))
              .toList();
      String checkpoint = new Note(note.text(), known).serialize();
      EvidenceBundle bundle =
          new EvidenceBundle(
              cp.origin(),
              s.log.logVkey(),
              s.log.witnesses().stream().map(w -> w.verifierKey()).toList(),
              checkpoint,
              entries);
      BundleVerifier.verify(bundle, s.log.logVkey());
      AtomicFiles.write(outFile, BundleCodec.encode(bundle));
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
      json.put("file", outFile.toString())
          .put("entries", entries.size())
          .put("tree_size", cp.size());
      out.json(json);
      return ExitCodes.OK;
    }
  }
}
