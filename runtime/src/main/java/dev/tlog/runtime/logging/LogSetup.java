package dev.tlog.runtime.logging;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Points every logging API the servers meet at one Logback console appender on stderr (stdout
 * carries the startup banner, which tools parse): {@code System.Logger} arrives through
 * slf4j-jdk-platform-logging, java.util.logging (gRPC, Netty) through {@link SLF4JBridgeHandler},
 * SLF4J directly. {@link LogFormat#JSON} writes one JSON object per line (Logback's {@code
 * JsonEncoder}: {@code timestamp}, {@code level}, {@code threadName}, {@code loggerName}, {@code
 * formattedMessage}, {@code throwable}); {@link LogFormat#TEXT} one human line.
 *
 * <p>Logging is process-wide by nature; call {@link #configure} once, first thing in {@code main}.
 * It also formats one event with a throwable through the new encoder, so that everything a log line
 * needs (classes, the time-zone database) is loaded while file descriptors are free ({@link
 * dev.tlog.runtime.http.AcceptErrorLogging}). When SLF4J is bound to something else than Logback
 * (the clients' tests bind slf4j-nop), only the bridge is installed.
 */
public final class LogSetup {
  private LogSetup() {}

  /**
   * Configures logging for a server process; {@code format} {@link LogFormat#AUTO} means text when
   * the process has a terminal. Returns the format chosen.
   */
  public static LogFormat configure(LogFormat format) {
    LogFormat chosen = format.resolve(System.console() != null);
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    // JUL hands the bridge only what its own levels let through; ask it for what Logback wants.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    if (logback()) {
      LogbackConsole.install(chosen);
    }
    warmUp();
    return chosen;
  }

  /**
   * Loads what formatting needs now, not at the first EMFILE: the time-zone rules ({@code
   * tzdb.dat}) and whatever the installed appenders' encoders load for an event with a throwable.
   * Idempotent and cheap after the first call.
   */
  public static void warmUp() {
    ZonedDateTime.now(ZoneId.systemDefault());
    if (logback()) {
      LogbackConsole.warmUp();
    }
  }

  private static boolean logback() {
    return LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.");
  }
}
