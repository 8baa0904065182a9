package dev.tlog.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlog prove}: parent of {@code inclusion} and {@code consistency}. */
@Command(
    name = "prove",
    mixinStandardHelpOptions = true,
    description = "Fetches a proof from the log, prints it and verifies it.",
    subcommands = {ProveInclusionCommand.class, ProveConsistencyCommand.class},
    footerHeading = "%n",
    footer = {"Exit codes: see tlog prove inclusion --help and tlog prove consistency --help."})
final class ProveCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say what to prove: inclusion or consistency");
  }
}
