package dev.tlog.witness.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real witness ({@code dev.tlog.witness.Main}) in its own JVM on this module's test class path,
 * stdout and stderr merged. {@link #start} returns once it printed its address; {@link #close()}
 * kills it (SIGKILL).
 */
final class WitnessProcess implements AutoCloseable {
  private final Process process;
  private final URI url;

  private WitnessProcess(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  static WitnessProcess start(Path dataDir, Path config) throws IOException {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens",
            "java.base/java.nio=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.tlog.witness.Main",
            "--data-dir",
            dataDir.toString(),
            "--config",
            config.toString(),
            "--name",
            "witness.test/crash",
            "--port",
            "0",
            "--cross-check-seconds",
            "0");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder printed = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      printed.append(line).append('\n');
      if (line.contains("HTTP:")) {
        String u = line.substring(line.indexOf("http://"), line.indexOf("add-checkpoint"));
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // discarded
                    }
                  } catch (IOException ignored) {
                    // the process died
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return new WitnessProcess(p, URI.create(u));
      }
    }
    throw new AssertionError("witness did not start:\n" + printed);
  }

  URI url() {
    return url;
  }

  /** SIGKILL without waiting: safe from any thread. */
  void killNow() {
    process.destroyForcibly();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("witness did not die after SIGKILL");
    }
  }
}
