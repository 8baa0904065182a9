package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifiedEntry;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog prove inclusion}: inclusion of one entry in the latest checkpoint. */
@Command(
    name = "inclusion",
    mixinStandardHelpOptions = true,
    description = {
      "Proves that an entry is in the log's latest (verified) checkpoint: fetches the entry and",
      "its RFC 9162 inclusion proof, prints them and checks the proof against the signed root.",
      "Select the entry by --index, --entry (text), --entry-file or --leaf-hash (the last three",
      "need --grpc to look the entry up)."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 proof verified, 2 usage, 3 verification failed, 4 ALERT rollback/fork,",
      "5 unreachable, 6 rejected (index beyond the tree, unknown entry), 7 local state error."
    })
final class ProveInclusionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  static final class Which {
    @Option(names = "--index", description = "The entry's index.")
    Long index;

    @Option(names = "--entry", description = "The entry's text (UTF-8).")
    String entry;

    @Option(names = "--entry-file", paramLabel = "FILE", description = "A file holding the entry.")
    Path entryFile;

    @Option(
        names = "--leaf-hash",
        paramLabel = "HEX",
        description = "The entry's RFC 6962 leaf hash.")
    String leafHash;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    try (Session s = Session.open(options)) {
      VerifiedCheckpoint cp = s.reader.checkpoint();
      s.tracker.observeLatest(cp);
      VerifiedEntry e =
          which.index != null
              ? s.reader.entry(which.index, cp)
              : s.reader.entryByLeafHash(leafHash(), cp);
      out.line("entry index: " + e.index());
      out.line("tree size:   " + cp.size());
      out.line("leaf hash:   " + e.leafHash().toHex());
      out.line("proof (" + e.proof().hashes().size() + " hashes, leaf to root):");
      e.proof().hashes().forEach(h -> out.line("  " + h.toHex()));
      out.line("root:        " + cp.root().toHex() + " (signed by " + s.log.logKey().name() + ")");
      out.line("verified: entry " + e.index() + " is in the tree of size " + cp.size());
      var json = out.object();
      json.put("index", e.index())
          .put("tree_size", cp.size())
          .put("leaf_hash", e.leafHash().toHex())
          .put("data_hex", HexFormat.of().formatHex(e.data()))
          .put("verified", true);
      json.set("proof", Output.hashes(e.proof().hashes()));
      json.set("checkpoint", Output.checkpointJson(cp));
      out.json(json);
      return ExitCodes.OK;
    }
  }

  private Hash leafHash() {
    if (which.entry != null) {
      return TreeHasher.leafHash(which.entry.getBytes(StandardCharsets.UTF_8));
    }
    if (which.entryFile != null) {
      try {
        return TreeHasher.leafHash(Files.readAllBytes(which.entryFile));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + which.entryFile + ": " + e.getMessage(), e);
      }
    }
    try {
      return Hash.fromHex(which.leafHash);
    } catch (MerkleException e) {
      throw new UsageException("--leaf-hash: " + e.getMessage());
    }
  }
}
