package dev.tlog.bench;

import dev.tlog.bench.publish.PublishRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code publish}: the real server publishing to S3Proxy in this JVM, against raw PUTs. */
@Command(
    name = "publish",
    description =
        "Publishing ceiling: raw PUT rate into an in-process S3Proxy, then the real server"
            + " publishing to it under full-speed appends, and its catch-up.")
final class PublishCommand implements Callable<Integer> {
  @Mixin ResultsOptions options;

  @Mixin ServerJarOption server;

  @Option(
      names = "--seconds",
      defaultValue = "10",
      description = "How long appends run (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--raw-seconds",
      defaultValue = "3",
      description = "Per raw PUT measurement (default: ${DEFAULT-VALUE}).")
  double rawSeconds;

  @Option(names = "--entry-bytes", defaultValue = "128")
  int entryBytes;

  @Override
  public Integer call() throws IOException {
    if (!server.present()) {
      return 2;
    }
    Path runDir = options.runDir("publish-");
    return new PublishRun(
                server.serverJar,
                runDir,
                millis(rawSeconds),
                millis(seconds),
                entryBytes,
                options.resultsFile())
            .run()
        ? 0
        : 1;
  }

  private static Duration millis(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000));
  }
}
