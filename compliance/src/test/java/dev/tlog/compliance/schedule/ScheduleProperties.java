package dev.tlog.compliance.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The slot operations agree with each other for every schedule form. */
class ScheduleProperties {
  /** 2020 .. 2030, to the nanosecond. */
  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(1_577_836_800L, 1_893_456_000L),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<Schedule> schedules() {
    Arbitrary<String> every =
        Combinators.combine(
                Arbitraries.integers().between(1, 366), Arbitraries.of("s", "m", "h", "d"))
            .as((n, u) -> "every " + n + u);
    Arbitrary<String> cron =
        Combinators.combine(
                Arbitraries.of("0", "*/5", "7", "0,30", "*"),
                Arbitraries.of("*", "3", "*/6", "9-17"),
                Arbitraries.of("*", "1", "15"),
                Arbitraries.of("*", "1-6"),
                Arbitraries.of("*", "1-5", "0"))
            .as((a, b, c, d, e) -> "cron " + a + " " + b + " " + c + " " + d + " " + e);
    return Arbitraries.oneOf(every, cron, Arbitraries.of("hourly", "daily", "weekly"))
        .map(Schedule::parse);
  }

  @Property(tries = 300)
  void nextAfterIsTheFirstSlotAfter(
      @ForAll("schedules") Schedule s, @ForAll("instants") Instant t) {
    Instant next = s.nextAfter(t).orElseThrow();
    assertTrue(next.isAfter(t));
    // No slot between t and next: the last slot at or before next's predecessor is at or before t.
    Optional<Instant> before = s.atOrBefore(next.minusNanos(1));
    before.ifPresent(b -> assertFalse(b.isAfter(t), s + " has " + b + " in (" + t + ", " + next));
    assertEquals(next, s.atOrBefore(next).orElseThrow());
  }

  @Property(tries = 200)
  void countEqualsEnumeration(
      @ForAll("schedules") Schedule s,
      @ForAll("instants") Instant from,
      @ForAll("instants") Instant other) {
    // Keep ranges small enough to enumerate: at most ~1 day.
    Instant to = from.plusSeconds(Math.floorMod(other.getEpochSecond(), 86_400));
    List<Instant> slots = s.slots(from, to, Schedule.MAX_ENUMERATED);
    assertEquals(slots.size(), s.count(from, to));
    for (int i = 0; i < slots.size(); i++) {
      assertFalse(slots.get(i).isBefore(from));
      assertTrue(slots.get(i).isBefore(to));
      if (i > 0) {
        assertEquals(slots.get(i), s.nextAfter(slots.get(i - 1)).orElseThrow());
      }
    }
  }

  @Property(tries = 200)
  void countIsAdditive(
      @ForAll("schedules") Schedule s,
      @ForAll("instants") Instant a,
      @ForAll("instants") Instant b,
      @ForAll("instants") Instant c) {
    List<Instant> sorted = java.util.stream.Stream.of(a, b, c).sorted().toList();
    // Limit the span for cron schedules, which count by enumeration.
    Instant lo = sorted.get(0);
    Instant mid = min(sorted.get(1), lo.plusSeconds(7 * 86_400));
    Instant hi = min(sorted.get(2), mid.plusSeconds(7 * 86_400));
    assertEquals(s.count(lo, hi), s.count(lo, mid) + s.count(mid, hi));
  }

  @Property(tries = 200)
  void canonicalTextRoundTrips(@ForAll("schedules") Schedule s) {
    assertEquals(s, Schedule.parse(s.text()));
    assertEquals(s.text(), Schedule.parse(s.text()).text());
  }

  @Property(tries = 500)
  void garbageNeverEscapesAsAnotherException(@ForAll String text) {
    try {
      Schedule s = Schedule.parse(text);
      assertEquals(s, Schedule.parse(s.text()));
    } catch (ScheduleException expected) {
      assertTrue(expected.getMessage().startsWith("schedule: "));
    }
  }

  private static Instant min(Instant x, Instant y) {
    return x.isBefore(y) ? x : y;
  }
}
