package dev.tlog.bench;

import dev.tlog.bench.load.ManyLogsRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logs}: appends to k logs hosted by one server process ({@code --logs}). */
@Command(name = "logs", description = "Append throughput of several logs in one server process.")
final class LogsCommand implements Callable<Integer> {
  @Mixin ResultsOptions options;

  @Mixin ServerJarOption server;

  @Option(
      names = "--counts",
      split = ",",
      defaultValue = "1,2,4",
      description = "How many logs to host, one run each (default: ${DEFAULT-VALUE}).")
  List<Integer> counts;

  @Option(names = "--seconds", defaultValue = "10")
  double seconds;

  @Option(names = "--entry-bytes", defaultValue = "128")
  int entryBytes;

  @Override
  public Integer call() throws IOException {
    if (!server.present()) {
      return 2;
    }
    Path runDir = options.runDir("logs-");
    new ManyLogsRun(server.serverJar, runDir, options.resultsFile(), entryBytes)
        .run(counts, Duration.ofMillis((long) (seconds * 1000)));
    return 0;
  }
}
