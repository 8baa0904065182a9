package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tlog checkpoint}: fetch, verify and print the latest checkpoint. */
@Command(
    name = "checkpoint",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches the latest checkpoint, verifies the log's signature (and the cosignatures of every",
      "--witness), checks it is consistent with the last checkpoint kept in --state-dir, and",
      "prints origin, size, root, chain head and who signed it."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 ok, 2 usage, 3 verification failed, 4 ALERT rollback/fork, 5 unreachable,",
      "7 local state error."
    })
final class CheckpointCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    try (Session s = Session.open(options)) {
      VerifiedCheckpoint cp = s.reader.checkpoint();
      Optional<VerifiedCheckpoint> prev = s.tracker.observeLatest(cp);
      out.checkpointLines(cp, s.log.logKey().name());
      String consistent =
          prev.map(p -> "consistent with the previously verified size " + p.size())
              .orElse("first checkpoint seen of this log");
      out.line("history:    " + consistent);
      var json = Output.checkpointJson(cp);
      json.put("previous_size", prev.map(VerifiedCheckpoint::size).orElse(null));
      out.json(json);
      return ExitCodes.OK;
    }
  }
}
