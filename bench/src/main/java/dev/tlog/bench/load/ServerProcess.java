package dev.tlog.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code java -jar tlog-server.jar} child process on free ports. {@link #start} returns once the
 * server printed both addresses; {@link #close} sends SIGTERM (the server finishes in-flight
 * batches) and kills it if it has not exited after 30 s. Its output goes to {@code <dataDir>.log}.
 */
public final class ServerProcess implements AutoCloseable {
  private static final String GRPC_LINE = "  gRPC:";
  private static final String HTTP_LINE = "  HTTP (tiles):";

  private final Process process;
  private final List<Endpoints> endpoints;
  private final Duration startTime;
  private final Path log;

  private ServerProcess(Process process, List<Endpoints> endpoints, Duration startTime, Path log) {
    this.process = process;
    this.endpoints = endpoints;
    this.startTime = startTime;
    this.log = log;
  }

  /** Starts the server on {@code dataDir} with {@code extraArgs}, waiting up to {@code timeout}. */
  public static ServerProcess start(
      Path serverJar, Path dataDir, List<String> extraArgs, Duration timeout) {
    return start(serverJar, dataDir, extraArgs, Map.of(), timeout);
  }

  /**
   * Starts the server as {@link #start(Path, Path, List, Duration)} does, with {@code env} added to
   * its environment (credentials the server reads only from there, such as the AWS SDK's).
   */
  public static ServerProcess start(
      Path serverJar,
      Path dataDir,
      List<String> extraArgs,
      Map<String, String> env,
      Duration timeout) {
    List<String> cmd = new ArrayList<>(java(serverJar, dataDir));
    cmd.addAll(List.of("--origin", "bench.example/tlog", "--grpc-port", "0", "--http-port", "0"));
    if (!extraArgs.contains("--mode")) {
      cmd.addAll(List.of("--mode", "opaque"));
    }
    cmd.addAll(extraArgs);
    return launch(cmd, dataDir, env, 1, timeout);
  }

  /**
   * Starts the server hosting the {@code logs} logs that {@code logsFile} lists ({@code --logs};
   * each log on free ports), logs under {@code dataDir}; returns once every log printed its
   * addresses, in the file's order ({@link #allEndpoints()}).
   */
  public static ServerProcess startLogs(
      Path serverJar, Path dataDir, Path logsFile, int logs, Duration timeout) {
    List<String> cmd = new ArrayList<>(java(serverJar, dataDir));
    cmd.addAll(List.of("--logs", logsFile.toAbsolutePath().toString()));
    return launch(cmd, dataDir, Map.of(), logs, timeout);
  }

  private static List<String> java(Path serverJar, Path dataDir) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens",
        "java.base/java.nio=ALL-UNNAMED",
        "--add-opens",
        "java.base/sun.nio.ch=ALL-UNNAMED",
        "-jar",
        serverJar.toAbsolutePath().toString(),
        "--data-dir",
        dataDir.toAbsolutePath().toString());
  }

  private static ServerProcess launch(
      List<String> cmd, Path dataDir, Map<String, String> env, int logs, Duration timeout) {
    Path log = dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".log");
    long t0 = System.nanoTime();
    Process p;
    try {
      Files.createDirectories(log.getParent());
      // The working directory is where the JVM writes hs_err_pid<pid>.log if the server crashes.
      ProcessBuilder pb =
          new ProcessBuilder(cmd).directory(log.getParent().toFile()).redirectError(log.toFile());
      pb.environment().putAll(env);
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
    }
    CompletableFuture<List<Endpoints>> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(p, logs, ready), "server-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      List<Endpoints> e = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new ServerProcess(p, e, Duration.ofNanos(System.nanoTime() - t0), log);
    } catch (TimeoutException | ExecutionException e) {
      p.destroyForcibly();
      throw new ServerStartException(
          "server did not print its ports within " + timeout + " (see " + log + "): " + e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted while starting the server");
    }
  }

  /** Reads stdout until the addresses of {@code logs} logs are known, then keeps draining it. */
  private static void readOutput(Process p, int logs, CompletableFuture<List<Endpoints>> ready) {
    List<Endpoints> found = new ArrayList<>();
    String grpc = null;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith(GRPC_LINE)) {
          grpc = line.substring(GRPC_LINE.length()).trim();
        } else if (line.startsWith(HTTP_LINE) && grpc != null) {
          String url = line.substring(HTTP_LINE.length()).trim();
          found.add(new Endpoints(grpc, URI.create(url.substring(0, url.lastIndexOf('/') + 1))));
          grpc = null;
        }
        if (found.size() == logs && !ready.isDone()) {
          ready.complete(List.copyOf(found));
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new ServerStartException("server exited, code " + exit(p)));
  }

  private static String exit(Process p) {
    try {
      return String.valueOf(p.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** Where the server (with {@code --logs}: its first log) listens. */
  public Endpoints endpoints() {
    return endpoints.get(0);
  }

  /** Where each log listens, in the order its logs file lists them. */
  public List<Endpoints> allEndpoints() {
    return endpoints;
  }

  /** Time from process start until both ports were printed. */
  public Duration startTime() {
    return startTime;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code once the process has exited; -1 while it runs. */
  public int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** The JVM's fatal error report, if the server crashed (SIGSEGV in native code, ...). */
  public Optional<Path> crashReport() {
    Path report = log.resolveSibling("hs_err_pid" + pid() + ".log");
    return Files.exists(report) ? Optional.of(report) : Optional.empty();
  }

  /** The last {@code lines} lines the server wrote to stderr. */
  public List<String> logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Resident set size now ({@code VmRSS}), in bytes; -1 if unknown. */
  public long rssBytes() {
    return statusField("VmRSS:");
  }

  /** Peak resident set size ({@code VmHWM}), in bytes; -1 if unknown. */
  public long peakRssBytes() {
    return statusField("VmHWM:");
  }

  private long statusField(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).replace("kB", "").trim()) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
