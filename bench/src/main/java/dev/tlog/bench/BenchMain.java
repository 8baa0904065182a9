package dev.tlog.bench;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code tlog-bench.jar}. {@code jmh} hands its arguments to JMH untouched. */
@Command(
    name = "tlog-bench",
    mixinStandardHelpOptions = true,
    description = "tlog benchmarks: raw limits, JMH, end-to-end load, results table.",
    subcommands = {
      RawCommand.class,
      JmhImportCommand.class,
      LoadCommand.class,
      LedgerCommand.class,
      LogsCommand.class,
      MirrorCommand.class,
      PublishCommand.class,
      ImportCommand.class,
      TableCommand.class
    })
public final class BenchMain {
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    CommandLine cli =
        new CommandLine(new BenchMain())
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  cmd.getErr().println("tlog-bench " + cmd.getCommandName() + ": " + e);
                  return 1;
                });
    System.exit(cli.execute(args));
  }
}
