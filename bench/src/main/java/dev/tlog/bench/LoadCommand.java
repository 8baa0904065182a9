package dev.tlog.bench;

import dev.tlog.bench.load.LoadPlan;
import dev.tlog.bench.load.LoadRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code load}: end-to-end scenarios against {@code tlog-server.jar} on fresh data dirs. */
@Command(name = "load", description = "End-to-end load against the real log server.")
final class LoadCommand implements Callable<Integer> {
  @Mixin ResultsOptions options;

  @Mixin ServerJarOption server;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "1000,1000000",
      description = "Log sizes for the read scenarios (default: ${DEFAULT-VALUE}).")
  List<Long> sizes;

  @Option(names = "--append-seconds", defaultValue = "10")
  double appendSeconds;

  @Option(names = "--read-seconds", defaultValue = "5")
  double readSeconds;

  @Option(names = "--overload-minutes", defaultValue = "0")
  double overloadMinutes;

  @Option(names = "--entry-bytes", defaultValue = "128")
  int entryBytes;

  @Override
  public Integer call() throws IOException {
    if (!server.present()) {
      return 2;
    }
    Path runDir = options.runDir("load-");
    LoadPlan plan =
        new LoadPlan(
            millis(appendSeconds),
            millis(readSeconds),
            sizes,
            millis(overloadMinutes * 60),
            entryBytes);
    return new LoadRun(server.serverJar, runDir, plan, options.resultsFile()).run() ? 0 : 1;
  }

  private static Duration millis(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000));
  }
}
