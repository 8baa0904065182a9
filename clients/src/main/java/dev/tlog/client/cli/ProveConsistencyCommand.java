package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifyingReader.ConsistencyResult;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlog prove consistency OLD [NEW]}. */
@Command(
    name = "consistency",
    mixinStandardHelpOptions = true,
    description = {
      "Proves that the tree of size OLD is a prefix of the tree of size NEW (default: the latest",
      "verified checkpoint): prints the RFC 9162 consistency proof and checks it. The old root is",
      "--old-root if given (e.g. from a checkpoint you kept), else the root the log proves for",
      "size OLD, which the proof then authenticates against the signed root."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 proof verified, 2 usage, 3 verification failed, 4 ALERT rollback/fork,",
      "5 unreachable, 6 rejected (size beyond the tree), 7 local state error."
    })
final class ProveConsistencyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Parameters(index = "0", paramLabel = "OLD", description = "The old tree size.")
  long oldSize;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NEW", description = "The new tree size.")
  Long newSize;

  @Option(names = "--old-root", paramLabel = "HEX", description = "The root you trust for OLD.")
  String oldRoot;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    try (Session s = Session.open(options)) {
      VerifiedCheckpoint cp = s.reader.checkpoint();
      s.tracker.observeLatest(cp);
      long to = newSize == null ? cp.size() : newSize;
      if (to > cp.size()) {
        throw new UsageException(
            "NEW " + to + " is beyond the latest checkpoint size " + cp.size());
      }
      ConsistencyResult r;
      if (oldRoot != null) {
        if (to != cp.size()) {
          throw new UsageException("--old-root works with NEW = the latest size only");
        }
        r = s.reader.consistency(oldSize, parse(oldRoot), cp);
      } else {
        r = s.reader.consistency(oldSize, to, cp);
      }
      out.line("old: size " + r.oldSize() + " root " + r.oldRoot().toHex());
      out.line("new: size " + r.newSize() + " root " + r.newRoot().toHex());
      out.line("proof (" + r.proof().hashes().size() + " hashes):");
      r.proof().hashes().forEach(h -> out.line("  " + h.toHex()));
      out.line(
          "verified: size "
              + r.oldSize()
              + " is a prefix of size "
              + r.newSize()
              + " (checkpoint size "
              + cp.size()
              + " signed by "
              + s.log.logKey().name()
              + ")");
      var json = out.object();
      json.put("old_size", r.oldSize())
          .put("old_root", r.oldRoot().toHex())
          .put("new_size", r.newSize())
          .put("new_root", r.newRoot().toHex())
          .put("verified", true);
      json.set("proof", Output.hashes(r.proof().hashes()));
      json.set("checkpoint", Output.checkpointJson(cp));
      out.json(json);
      return ExitCodes.OK;
    }
  }

  private static Hash parse(String hex) {
    try {
      return Hash.fromHex(hex);
    } catch (MerkleException e) {
      throw new UsageException("--old-root: " + e.getMessage());
    }
  }
}
