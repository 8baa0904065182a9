package dev.tlog.bench;

import dev.tlog.bench.publish.PublishRun;
import java.io.IOException;
import java.nio.file.Files;
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

  @Option(names = "--server-jar", defaultValue = "log-server/target/tlog-server.jar")
  Path serverJar;

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
    if (!Files.isRegularFile(serverJar)) {
      System.err.println("no server jar at " + serverJar + "; build log-server first");
      return 2;
    }
    Files.createDirectories(options.workDir);
    Path runDir = Files.createTempDirectory(options.workDir, "publish-");
    return new PublishRun(
                serverJar,
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
