package dev.tlog.compliance.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a collector is due (spec/compliance.md, "Schedules"): a set of instants, its <em>slots</em>,
 * all in UTC. Parsed from {@code hourly}, {@code daily} (00:00), {@code weekly} (Monday 00:00),
 * {@code every <n><s|m|h|d>} (slots at whole multiples of the interval since the epoch) or {@code
 * cron <minute hour day-of-month month day-of-week>}. Every instance is valid and immutable; {@link
 * #text()} is its canonical text, so two schedules with equal texts have equal slots.
 */
public sealed interface Schedule permits Every, CronSchedule {
  /** Most characters of a schedule text. */
  int MAX_TEXT = 128;

  /** Most slots {@link #slots} enumerates in one call. */
  int MAX_ENUMERATED = 1_000_000;

  /** The canonical text ({@code hourly}, {@code every 90s}, {@code cron 30 2 * * 1}). */
  String text();

  /** The first slot strictly after {@code t}, or empty when there is none before year 9999. */
  Optional<Instant> nextAfter(Instant t);

  /** The last slot at or before {@code t}, or empty when there is none after the epoch. */
  Optional<Instant> atOrBefore(Instant t);

  /** How many slots lie in {@code [from, to)} (0 when {@code to <= from}). */
  long count(Instant from, Instant to);

  /**
   * The slots in {@code [from, to)}, in order; throws {@link ScheduleException} when there are more
   * than {@code limit} (at most {@value #MAX_ENUMERATED}).
   */
  default List<Instant> slots(Instant from, Instant to, int limit) {
    if (limit < 0 || limit > MAX_ENUMERATED) {
      throw new IllegalArgumentException("limit must be in [0, " + MAX_ENUMERATED + "]");
    }
    List<Instant> out = new ArrayList<>();
    if (!to.isAfter(from)) {
      return out;
    }
    Optional<Instant> t = nextAfter(from.minusNanos(1));
    while (t.isPresent() && t.get().isBefore(to)) {
      if (out.size() == limit) {
        throw new ScheduleException(
            "more than " + limit + " slots of \"" + text() + "\" in [" + from + ", " + to + ")");
      }
      out.add(t.get());
      t = nextAfter(t.get());
    }
    return out;
  }

  /** Parses {@code text}; throws {@link ScheduleException} saying what is accepted. */
  static Schedule parse(String text) {
    return ScheduleParser.parse(text);
  }
}
