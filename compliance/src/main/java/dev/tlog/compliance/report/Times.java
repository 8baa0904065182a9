package dev.tlog.compliance.report;

import dev.tlog.merkle.ledger.EventTime;
import java.time.Instant;

/** Ledger nanoseconds and instants. */
final class Times {
  private static final long NANOS = 1_000_000_000L;

  private Times() {}

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }

  static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
  }

  static String format(Instant t) {
    return EventTime.format(nanos(t));
  }

  static String format(long nanos) {
    return EventTime.format(nanos);
  }
}
