package dev.tlog.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Points every logging API the servers meet at one Logback console appender on stderr (stdout
 * carries the startup banner, which tools parse): {@code System.Logger} arrives through
 * slf4j-jdk-platform-logging, java.util.logging (gRPC, Netty) through {@link SLF4JBridgeHandler},
 * SLF4J directly. {@link LogFormat#JSON} writes one JSON object per line (Logback's {@link
 * JsonEncoder}: {@code timestamp}, {@code level}, {@code threadName}, {@code loggerName}, {@code
 * formattedMessage}, {@code throwable}); {@link LogFormat#TEXT} one human line.
 *
 * <p>Logging is process-wide by nature; call {@link #configure} once, first thing in {@code main}.
 * It also formats one event with a throwable through the new encoder, so that everything a log line
 * needs (classes, the time-zone database) is loaded while file descriptors are free ({@link
 * dev.tlog.runtime.http.AcceptErrorLogging}).
 */
public final class LogSetup {
  static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

  private LogSetup() {}

  /**
   * Configures logging for a server process; {@code format} {@link LogFormat#AUTO} means text when
   * the process has a terminal. Returns the format chosen. A no-op (returning the resolved format)
   * when SLF4J is not bound to Logback.
   */
  public static LogFormat configure(LogFormat format) {
    LogFormat chosen = format.resolve(System.console() != null);
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext ctx)) {
      return chosen;
    }
    ctx.reset();
    // JUL hands the bridge only what its own levels let through; ask it for what Logback wants.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    Encoder<ILoggingEvent> encoder = chosen == LogFormat.JSON ? json(ctx) : text(ctx);
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(ctx);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    warmUp(ctx);
    return chosen;
  }

  private static Encoder<ILoggingEvent> json(LoggerContext ctx) {
    JsonEncoder e = new JsonEncoder();
    e.setContext(ctx);
    e.setWithSequenceNumber(false);
    e.setWithNanoseconds(false);
    e.setWithContext(false);
    e.setWithMDC(false);
    e.setWithKVPList(false);
    e.setWithMarkers(false);
    e.setWithArguments(false);
    // The message with its arguments filled in, not the pattern: one field to read.
    e.setWithMessage(false);
    e.setWithFormattedMessage(true);
    e.start();
    return e;
  }

  private static Encoder<ILoggingEvent> text(LoggerContext ctx) {
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(ctx);
    e.setPattern(TEXT_PATTERN);
    e.start();
    return e;
  }

  /**
   * Loads what formatting needs now, not at the first EMFILE: the time-zone rules ({@code
   * tzdb.dat}) and whatever the installed appenders' encoders load for an event with a throwable.
   * Idempotent and cheap after the first call.
   */
  public static void warmUp() {
    ZonedDateTime.now(ZoneId.systemDefault());
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      warmUp(ctx);
    }
  }

  private static void warmUp(LoggerContext ctx) {
    ZonedDateTime.now(ZoneId.systemDefault());
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    LoggingEvent event =
        new LoggingEvent(
            LogSetup.class.getName(),
            root,
            Level.WARN,
            "warming up the log encoder",
            new java.io.IOException("warm-up, not an error"),
            null);
    root.iteratorForAppenders()
        .forEachRemaining(
            a -> {
              if (a instanceof ConsoleAppender<ILoggingEvent> c && c.getEncoder() != null) {
                c.getEncoder().encode(event);
              }
            });
  }
}
