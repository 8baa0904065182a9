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

  @Mixin ServerJarOption server;

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
    if (!server.present()) {
      return 2;
    }
    if (!Files.isRegularFile(mirrorJar)) {
      System.err.println("no mirror jar at " + mirrorJar + "; build mirror first");
      return 2;
    }
    Path runDir = options.runDir("mirror-");
    new MirrorRun(server.serverJar, mirrorJar, runDir, options.resultsFile()).run(size, entryBytes);
    return 0;
  }
}
