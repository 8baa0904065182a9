package dev.tlog.runtime.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Collects this process's log events while open, whichever API logged them ({@code System.Logger},
 * java.util.logging, SLF4J): for tests that assert what was logged (once per client, no stack
 * trace, nothing at ERROR). Installs the java.util.logging bridge for its lifetime if {@link
 * LogSetup} has not.
 *
 * <p>Threading: events arrive on any thread; {@link #events} returns a copy.
 */
public final class LogCapture implements AutoCloseable {
  private final List<ILoggingEvent> events = new ArrayList<>();
  private final Logger root;
  private final boolean bridged;
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
          e.prepareForDeferredProcessing();
          synchronized (events) {
            events.add(e);
          }
        }
      };

  private LogCapture(LoggerContext ctx, boolean bridged) {
    this.root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    this.bridged = bridged;
    appender.setContext(ctx);
    appender.setName("capture");
    appender.start();
    root.addAppender(appender);
  }

  /** Starts collecting. */
  public static LogCapture open() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    boolean bridged = !SLF4JBridgeHandler.isInstalled();
    if (bridged) {
      SLF4JBridgeHandler.install();
    }
    return new LogCapture(ctx, bridged);
  }

  /** The events so far, oldest first. */
  public List<ILoggingEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Stops collecting (and removes the bridge if this capture installed it). */
  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    if (bridged) {
      SLF4JBridgeHandler.uninstall();
    }
  }
}
