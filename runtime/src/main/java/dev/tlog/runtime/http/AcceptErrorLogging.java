package dev.tlog.runtime.http;

import dev.tlog.runtime.logging.LogSetup;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Makes sure the process can still log when it has no file descriptor left. When accept fails with
 * EMFILE ("Too many open files") Netty logs it through java.util.logging, whose formatter loads the
 * time-zone database ({@code lib/tzdb.dat}) on first use; if that first use is the EMFILE moment,
 * the file cannot be opened, class initialisation fails for good and the error kills Netty's
 * acceptor thread: the listener never accepts again, even after descriptors are freed (the bug
 * behind spec/api.md, "Limits", "file descriptors"; the witness's listener has the same).
 * Formatting one record at startup loads it while descriptors are free. Logging now ends in Logback
 * (SLF4J), so {@link LogSetup#warmUp} also formats one event through the installed encoders.
 */
public final class AcceptErrorLogging {
  private AcceptErrorLogging() {}

  /** Loads everything that formatting a log record needs. Idempotent and cheap after the first. */
  public static void prepare() {
    new SimpleFormatter().format(new LogRecord(Level.WARNING, "warming up the log formatter"));
    LogSetup.warmUp();
  }
}
