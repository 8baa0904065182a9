package dev.tlog.server.hosting;

import dev.tlog.server.LogServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The logs of one process, started in the order the logs file lists them and stopped in the reverse
 * order. If one cannot start, those already started are stopped and the whole start fails: a
 * process never runs with some of its logs silently missing.
 */
public final class LogHost implements AutoCloseable {
  /** Starts one log; {@link LogServer#start(dev.tlog.server.ServerConfig)} or a variant of it. */
  @FunctionalInterface
  public interface Starter {
    LogServer start(HostedLog log) throws IOException;
  }

  /** A log that is running, with its name. */
  public record Running(String name, LogServer server) {}

  private final List<Running> running;

  private LogHost(List<Running> running) {
    this.running = List.copyOf(running);
  }

  /** Starts every log of {@code logs} with {@code starter}, or none. */
  public static LogHost start(List<HostedLog> logs, Starter starter) throws IOException {
    List<Running> started = new ArrayList<>();
    for (HostedLog log : logs) {
      try {
        started.add(new Running(log.name(), starter.start(log)));
      } catch (IOException | RuntimeException e) {
        stopAll(started);
        throw new LogStartException("log \"" + log.name() + "\": " + e.getMessage(), e);
      }
    }
    return new LogHost(started);
  }

  /** A host of the one log a server without a logs file runs. */
  public static LogHost single(String name, LogServer server) {
    return new LogHost(List.of(new Running(name, server)));
  }

  /** The running logs, in the order they were listed. */
  public List<Running> logs() {
    return running;
  }

  @Override
  public void close() {
    stopAll(running);
  }

  private static void stopAll(List<Running> logs) {
    for (int i = logs.size() - 1; i >= 0; i--) {
      logs.get(i).server().close();
    }
  }

  /** One log of the host could not start; the message names it. */
  public static final class LogStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LogStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
