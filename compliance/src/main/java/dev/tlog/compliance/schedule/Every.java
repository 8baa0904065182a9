package dev.tlog.compliance.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Slots at {@code offset + k * period} seconds since the epoch, for every integer {@code k >= 0}.
 * The period is 1 second to 366 days; the offset lies in {@code [0, period)}.
 */
public record Every(long periodSeconds, long offsetSeconds) implements Schedule {
  static final long MAX_PERIOD = 366L * 86_400;
  static final Every HOURLY = new Every(3_600, 0);
  static final Every DAILY = new Every(86_400, 0);

  /** Mondays 00:00 UTC: 1970-01-05 was the first Monday after the epoch. */
  static final Every WEEKLY = new Every(7 * 86_400, 4 * 86_400);

  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

  public Every {
    if (periodSeconds < 1 || periodSeconds > MAX_PERIOD) {
      throw new ScheduleException(
          "schedule: the interval must be 1s to 366d, got " + periodSeconds + "s");
    }
    if (offsetSeconds < 0 || offsetSeconds >= periodSeconds) {
      throw new ScheduleException("schedule: offset must lie in [0, period)");
    }
  }

  static Every of(String amount, String unit) {
    long n = Long.parseLong(amount);
    long scale =
        switch (unit) {
          case "s" -> 1;
          case "m" -> 60;
          case "h" -> 3_600;
          default -> 86_400;
        };
    return new Every(n * scale, 0);
  }

  @Override
  public String text() {
    if (equals(HOURLY)) {
      return "hourly";
    }
    if (equals(DAILY)) {
      return "daily";
    }
    if (equals(WEEKLY)) {
      return "weekly";
    }
    if (offsetSeconds != 0) {
      // Only weekly has an offset; no text produces another one.
      throw new IllegalStateException("no text for offset " + offsetSeconds);
    }
    long p = periodSeconds;
    if (p % 86_400 == 0) {
      return "every " + p / 86_400 + "d";
    }
    if (p % 3_600 == 0) {
      return "every " + p / 3_600 + "h";
    }
    if (p % 60 == 0) {
      return "every " + p / 60 + "m";
    }
    return "every " + p + "s";
  }

  /** Index of the first slot at or after {@code t} (slots are whole seconds). */
  private long ceilIndex(Instant t) {
    long s = t.getEpochSecond() - offsetSeconds;
    long k = Math.floorDiv(s, periodSeconds);
    boolean exact = Math.floorMod(s, periodSeconds) == 0 && t.getNano() == 0;
    return exact ? k : k + 1;
  }

  private Instant slot(long k) {
    return Instant.ofEpochSecond(offsetSeconds + k * periodSeconds);
  }

  @Override
  public Optional<Instant> nextAfter(Instant t) {
    long k = Math.max(0, ceilIndex(t.plusNanos(1)));
    Instant next = slot(k);
    return next.isAfter(LAST) ? Optional.empty() : Optional.of(next);
  }

  @Override
  public Optional<Instant> atOrBefore(Instant t) {
    long k = ceilIndex(t.plusNanos(1)) - 1;
    return k < 0 ? Optional.empty() : Optional.of(slot(k));
  }

  @Override
  public long count(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    return Math.max(0, ceilIndex(to) - Math.max(0, ceilIndex(from)));
  }
}
