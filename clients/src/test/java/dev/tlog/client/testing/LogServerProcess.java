package dev.tlog.client.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real tlog log server in a separate process, started from this module's test classpath, where
 * Maven puts the log-server module this build just compiled (a test-scope dependency; main code
 * never depends on log-server). Parses the addresses and vkey it prints; {@link #close()} destroys
 * it.
 */
public final class LogServerProcess implements AutoCloseable {
  public static final String ORIGIN = "test.example/log";
  private static final String MAIN = "dev.tlog.server.Main";

  private final Process process;
  private final String grpc;
  private final String http;
  private final String vkey;

  private LogServerProcess(Process process, String grpc, String http, String vkey) {
    this.process = process;
    this.grpc = grpc;
    this.http = http;
    this.vkey = vkey;
  }

  /**
   * Starts an opaque-mode server (entries are arbitrary bytes) on {@code dataDir} with the key in
   * {@code keyFile} (created if missing).
   */
  public static LogServerProcess start(Path dataDir, Path keyFile) throws IOException {
    return start(dataDir, keyFile, "opaque");
  }

  /**
   * Starts a ledger-mode server (the default for new logs, spec/ledger.md): appends must be event
   * submissions; the log commits their entries and writes clock marks.
   */
  public static LogServerProcess startLedger(Path dataDir, Path keyFile) throws IOException {
    return start(dataDir, keyFile, "ledger");
  }

  /** {@link #startLedger} with more command-line flags ({@code --collectors FILE}, ...). */
  public static LogServerProcess startLedger(Path dataDir, Path keyFile, String... flags)
      throws IOException {
    return start(dataDir, keyFile, "ledger", flags);
  }

  private static LogServerProcess start(Path dataDir, Path keyFile, String mode, String... flags)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens",
                "java.base/java.nio=ALL-UNNAMED",
                "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                MAIN,
                "--data-dir",
                dataDir.toString(),
                "--grpc-port",
                "0",
                "--http-port",
                "0",
                "--origin",
                ORIGIN,
                "--mode",
                mode));
    if (keyFile != null) {
      cmd.add("--key-file");
      cmd.add(keyFile.toString());
    }
    cmd.addAll(List.of(flags));
    Files.createDirectories(dataDir);
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(dataDir.resolveSibling(dataDir.getFileName() + ".stderr").toFile())
            .start();
    CompletableFuture<String[]> found = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              String[] f = new String[3];
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  String t = line.strip();
                  if (t.startsWith("gRPC:")) {
                    f[0] = t.substring(5).strip();
                  } else if (t.startsWith("HTTP (tiles):")) {
                    f[1] = t.substring(13).strip();
                  } else if (t.startsWith("verifier key:")) {
                    f[2] = t.substring(13).strip();
                  }
                  if (f[0] != null && f[1] != null && f[2] != null) {
                    found.complete(f.clone());
                  }
                }
              } catch (IOException e) {
                found.completeExceptionally(e);
              }
              found.completeExceptionally(
                  new IOException("server exited before printing its ports"));
            },
            "log-server-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      String[] f = found.get(60, TimeUnit.SECONDS);
      return new LogServerProcess(p, f[0], f[1], f[2]);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("log server did not start: " + e, e);
    }
  }

  /** {@code host:port} of the gRPC API. */
  public String grpc() {
    return grpc;
  }

  /** The {@code /checkpoint} URL of the tiles API. */
  public String http() {
    return http;
  }

  public String vkey() {
    return vkey;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
