package dev.tlog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --server-jar} every end-to-end command runs, and its check. A mixin. */
final class ServerJarOption {
  @Option(
      names = "--server-jar",
      defaultValue = "log-server/target/tlog-server.jar",
      description = "The log server to run (default: ${DEFAULT-VALUE}).")
  Path serverJar;

  /** Whether the jar is there; says so on stderr when it is not. */
  boolean present() {
    if (Files.isRegularFile(serverJar)) {
      return true;
    }
    System.err.println("no server jar at " + serverJar + "; build log-server first");
    return false;
  }
}
