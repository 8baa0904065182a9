package dev.tlog.bench;

import dev.tlog.bench.mirror.MirrorRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mirror}: how fast {@code tlog-mirror} catches up with a log, against a plain download. */
@Command(name = "mirror", description = "Catch-up rate of tlog-mirror against a plain download.")
final class MirrorCommand implements Callable<Integer> {
  @Mixin ResultsOptions options;

  @Option(names = "--server-jar", defaultValue = "log-server/target/tlog-server.jar")
  Path serverJar;

  @Option(names = "--mirror-jar", defaultValue = "mirror/target/tlog-mirror.jar")
  Path mirrorJar;

  @Option(
      names = "--size",
      defaultValue = "1000000",
      description = "Entries in the log the mirror catches up with (default: ${DEFAULT-VALUE}).")
  long size;

  @Option(names = "--entry-bytes", defaultValue = "128")
  int entryBytes;

  @Override
  public Integer call() throws IOException {
    for (Path jar : new Path[] {serverJar, mirrorJar}) {
      if (!Files.isRegularFile(jar)) {
        System.err.println("no jar at " + jar + "; build log-server and mirror first");
        return 2;
      }
    }
    Files.createDirectories(options.workDir);
    Path runDir = Files.createTempDirectory(options.workDir, "mirror-");
    new MirrorRun(serverJar, mirrorJar, runDir, options.resultsFile()).run(size, entryBytes);
    return 0;
  }
}
