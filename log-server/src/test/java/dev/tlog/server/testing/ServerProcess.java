package dev.tlog.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real log server ({@code dev.tlog.server.Main}) in its own JVM on this module's test class
 * path, stdout and stderr merged. {@link #awaitStart()} reads until the server printed its ports or
 * exited; {@link #close()} kills it (SIGKILL).
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final StringBuilder output = new StringBuilder();
  private int grpcPort = -1;
  private int httpPort = -1;

  private ServerProcess(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts the server with only {@code --data-dir dir}, a small map and {@code flags}: for a server
   * configured by a logs file ({@code --logs}), which sets origins and ports itself.
   */
  public static ServerProcess startBare(Path dir, String... flags) throws IOException {
    List<String> cmd = new ArrayList<>(java());
    cmd.addAll(List.of("--data-dir", dir.toString(), "--map-size-mib", "1"));
    cmd.addAll(List.of(flags));
    return new ServerProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** Starts the server on {@code dir} with the test origin, free ports and {@code flags}. */
  public static ServerProcess start(Path dir, String... flags) throws IOException {
    return start(dir, Map.of(), flags);
  }

  /** As {@link #start(Path, String...)}, with {@code env} added to the server's environment. */
  public static ServerProcess start(Path dir, Map<String, String> env, String... flags)
      throws IOException {
    List<String> cmd = new ArrayList<>(java());
    cmd.addAll(
        List.of(
            "--data-dir",
            dir.toString(),
            "--origin",
            TestLog.ORIGIN,
            "--grpc-port",
            "0",
            "--http-port",
            "0",
            "--map-size-mib",
            "1"));
    cmd.addAll(List.of(flags));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    return new ServerProcess(pb.start());
  }

  /** The JVM running {@code dev.tlog.server.Main} on this module's test class path. */
  private static List<String> java() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens",
        "java.base/java.nio=ALL-UNNAMED",
        "--add-opens",
        "java.base/sun.nio.ch=ALL-UNNAMED",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-cp",
        System.getProperty("java.class.path"),
        "dev.tlog.server.Main");
  }

  /** What the banner of a server hosting several logs said about one of them. */
  public record StartedLog(String name, int grpcPort, int httpPort, String verifierKey) {}

  /**
   * Reads the banner of a server started with {@code --logs} until {@code count} logs printed their
   * addresses; fails with everything it printed if it exits first.
   */
  public List<StartedLog> awaitLogs(int count) throws IOException {
    List<StartedLog> started = new ArrayList<>();
    String name = null;
    String key = null;
    int grpc = -1;
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      output.append(line).append('\n');
      if (line.startsWith("log ")) {
        name = line.substring(4).strip();
      } else if (line.contains("verifier key:")) {
        key = line.substring(line.indexOf(':') + 1).strip();
      } else if (line.contains("gRPC:")) {
        grpc = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).strip());
      } else if (line.contains("HTTP (tiles):")) {
        String addr = line.substring(line.indexOf("http://") + 7, line.indexOf("/checkpoint"));
        started.add(
            new StartedLog(
                name, grpc, Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1)), key));
      } else if (line.contains("checkpoint size:") && started.size() == count) {
        drainInBackground();
        return started;
      }
    }
    throw new AssertionError("server ended before " + count + " logs started:\n" + output);
  }

  /**
   * Reads the server's output until it printed its HTTP address (started: returns empty) or exited
   * (returns its exit code; all it printed is in {@link #output()}).
   */
  public Optional<Integer> awaitStart() throws IOException, InterruptedException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      output.append(line).append('\n');
      if (line.contains("gRPC:")) {
        grpcPort = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
      }
      if (line.contains("HTTP (tiles):")) {
        String addr = line.substring(line.indexOf("http://") + 7, line.indexOf("/checkpoint"));
        httpPort = Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
        drainInBackground();
        return Optional.empty();
      }
    }
    return Optional.of(process.waitFor());
  }

  /** Keeps reading so that a chatty server never blocks on a full pipe. */
  private void drainInBackground() {
    Thread t =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                }
              } catch (IOException ignored) {
                // the process died
              }
            },
            "server-output");
    t.setDaemon(true);
    t.start();
  }

  public String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** The verifier key the server printed at start. */
  public String verifierKey() {
    for (String line : output.toString().split("\n")) {
      if (line.contains("verifier key:")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    throw new AssertionError("server printed no verifier key:\n" + output);
  }

  public int grpcPort() {
    return grpcPort;
  }

  public int httpPort() {
    return httpPort;
  }

  /** SIGKILL (to its storage-check child too, if one runs), then waits for it to be gone. */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("server did not die after SIGKILL");
    }
  }

  /** SIGKILL without waiting: safe to call from a gRPC callback. */
  public void killNow() {
    process.destroyForcibly();
  }

  /** Waits for the process to end (after {@link #killNow} from elsewhere). */
  public void awaitExit(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("server still running " + seconds + " s after the kill was due");
    }
  }

  /** The exit status of a process that has ended. */
  public int exitCode() {
    return process.exitValue();
  }

  /** Whether the output contains {@code text} within {@code seconds} (it is read by a thread). */
  public boolean printed(String text, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
