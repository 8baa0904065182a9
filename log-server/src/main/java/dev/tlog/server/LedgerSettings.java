package dev.tlog.server;

import dev.tlog.server.storage.LogMode;
import java.time.Duration;

/**
 * How a log treats ledger events (spec/ledger.md).
 *
 * @param mode the mode of a new log; null means the stored mode of an existing log, or {@link
 *     LogMode#LEDGER} for a new one. A mode that differs from the stored one is refused.
 * @param eventMaxFuture how far an event's time may lie ahead of the log's clock
 * @param eventMaxAge how far an event's time may lie behind the log's clock
 */
public record LedgerSettings(LogMode mode, Duration eventMaxFuture, Duration eventMaxAge) {
  public static final Duration DEFAULT_MAX_FUTURE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

  /** Defaults with the given mode. */
  public static LedgerSettings of(LogMode mode) {
    return new LedgerSettings(mode, DEFAULT_MAX_FUTURE, DEFAULT_MAX_AGE);
  }
}
