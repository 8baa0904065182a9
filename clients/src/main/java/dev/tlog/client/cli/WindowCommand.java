package dev.tlog.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlog window}: receive-time windows; see {@code tlog window verify}. */
@Command(
    name = "window",
    mixinStandardHelpOptions = true,
    description = "Receive-time windows of a ledger log: tlog window verify.",
    subcommands = {WindowVerifyCommand.class})
final class WindowCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: verify");
  }
}
