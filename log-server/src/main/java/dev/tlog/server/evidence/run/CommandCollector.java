package dev.tlog.server.evidence.run;

import dev.tlog.compliance.evidence.CollectionRecord.Status;
import dev.tlog.server.evidence.config.CollectorSpec;
import dev.tlog.server.evidence.config.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command: argv without a shell, or one string with {@code /bin/sh -c} when {@code shell:
 * true}; stdin closed; stdout streamed through SHA-256 up to 16 MiB; stderr drained (the first
 * {@value #STDERR_KEPT} bytes kept for the error). At the timeout, or when stdout passes 16 MiB,
 * the process and all its descendants are killed.
 */
public final class CommandCollector implements Collector {
  static final int STDERR_KEPT = 1024;

  /** How long to wait for a killed process and its pipes. */
  private static final long GRACE_MILLIS = 5_000;

  @Override
  public RunResult run(CollectorSpec spec) {
    Source.Command c = (Source.Command) spec.source();
    List<String> argv = c.shell() ? List.of("/bin/sh", "-c", c.argv().get(0)) : c.argv();
    Process p;
    try {
      p = new ProcessBuilder(argv).start();
      p.getOutputStream().close();
    } catch (IOException e) {
      return RunResult.failed(new CapturedOutput(), "cannot start " + argv.get(0) + ": " + e);
    }
    CapturedOutput out = new CapturedOutput();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread outReader =
        reader(
            spec.name() + "-stdout",
            () -> {
              if (!out.readFrom(p.getInputStream())) {
                killTree(p);
              }
            });
    Thread errReader = reader(spec.name() + "-stderr", () -> drain(p.getErrorStream(), err));
    boolean exited;
    boolean interrupted = false;
    try {
      exited = p.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
      exited = false;
    }
    if (!exited) {
      killTree(p);
    }
    try {
      p.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      outReader.join(GRACE_MILLIS);
      if (outReader.isAlive()) {
        // Something the command started still holds stdout open.
        exited = false;
        killTree(p);
        p.getInputStream().close();
        outReader.join(GRACE_MILLIS);
      }
      errReader.join(GRACE_MILLIS);
      if (errReader.isAlive()) {
        p.getErrorStream().close();
      }
    } catch (InterruptedException e) {
      interrupted = true;
      killTree(p);
    } catch (IOException e) {
      // Closing a pipe failed: nothing more to read from it anyway.
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Optional<Long> exit = p.isAlive() ? Optional.empty() : Optional.of((long) p.exitValue());
    String stderr;
    synchronized (err) {
      stderr = err.toString(StandardCharsets.UTF_8).strip();
    }
    Status status;
    String error = null;
    if (out.over()) {
      status = Status.FAILED;
      error = "output over 16 MiB";
    } else if (!exited) {
      status = Status.TIMEOUT;
      error =
          interrupted
              ? "stopped: the server is shutting down"
              : "killed after " + spec.timeout().toMillis() + " ms";
    } else if (exit.orElse(-1L) != 0) {
      status = Status.FAILED;
      error = "exit status " + exit.orElse(-1L) + (stderr.isEmpty() ? "" : ": " + stderr);
    } else {
      status = Status.OK;
    }
    return new RunResult(status, out, exit, Optional.empty(), null, Optional.ofNullable(error));
  }

  /** Kills {@code p}'s descendants (while it still has them), then {@code p}. */
  static void killTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static void drain(InputStream in, ByteArrayOutputStream kept) throws IOException {
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) >= 0) {
      synchronized (kept) {
        int keep = Math.min(n, STDERR_KEPT - kept.size());
        if (keep > 0) {
          kept.write(buf, 0, keep);
        }
      }
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  private static Thread reader(String name, Io body) {
    Thread t =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (IOException e) {
                // The pipe was closed under us (kill or timeout): what was read is kept.
              }
            },
            "tlog-evidence-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
