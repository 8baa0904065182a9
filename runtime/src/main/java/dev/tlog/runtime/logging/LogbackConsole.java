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
import org.slf4j.LoggerFactory;

/**
 * The Logback half of {@link LogSetup}: one console appender on stderr with a JSON or a text
 * encoder. Loaded only when SLF4J is bound to Logback, so that a program that binds another
 * provider (the clients' tests bind slf4j-nop) never needs Logback's classes.
 */
final class LogbackConsole {
  static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

  private LogbackConsole() {}

  static void install(LogFormat chosen) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
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

  /** Encodes one event with a throwable through every console appender's encoder, discarding it. */
  static void warmUp() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
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
