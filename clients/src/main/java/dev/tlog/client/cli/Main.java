package dev.tlog.client.cli;

import java.io.InputStream;
import picocli.CommandLine;

/** Entry point of {@code tlog}: wires the command tree and the exit-code mapping. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine(System.in).execute(args));
  }

  /** The command tree reading stdin from {@code in}; tests set out/err on the result. */
  public static CommandLine commandLine(InputStream in) {
    CommandLine cli = new CommandLine(new TlogCommand(in));
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr()
              .println(
                  cmd.getCommandSpec().qualifiedName()
                      + ": "
                      + ExitCodes.prefix(e)
                      + e.getMessage());
          if (ExitCodes.of(e) == ExitCodes.INTERNAL) {
            e.printStackTrace(cmd.getErr());
          }
          cmd.getErr().flush();
          return ExitCodes.of(e);
        });
    return cli;
  }
}
