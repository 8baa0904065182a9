package dev.tlog.bench;

import dev.tlog.bench.ledger.LedgerQueryBench;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ledger}: ledger query latency at one log size, in process. */
@Command(
    name = "ledger",
    description = "Ledger queries: fill, index, selective and full-text query latency.")
final class LedgerCommand implements Callable<Integer> {
  @Mixin ResultsOptions options;

  @Option(
      names = "--size",
      defaultValue = "1000000",
      description = "Events in the log (default: ${DEFAULT-VALUE}).")
  long size;

  @Option(
      names = "--queries",
      defaultValue = "2000",
      description = "Timed queries of each kind (default: ${DEFAULT-VALUE}).")
  int queries;

  @Override
  public Integer call() throws IOException {
    Path runDir = options.runDir("ledger-");
    new LedgerQueryBench(options.resultsFile(), runDir, size, queries).run();
    return 0;
  }
}
