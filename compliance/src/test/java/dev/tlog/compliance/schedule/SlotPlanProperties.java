package dev.tlog.compliance.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link SlotPlan} against a naive enumeration of the slots in {@code (last, now]}: every slot is
 * either run or in the missed range, exactly once; nothing outside; the latest slot is run exactly
 * when it is within the grace.
 */
class SlotPlanProperties {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Provide
  Arbitrary<Schedule> schedules() {
    return Arbitraries.of(
            "every 1s",
            "every 7s",
            "every 90s",
            "every 15m",
            "hourly",
            "every 5h",
            "daily",
            "weekly",
            "cron */7 * * * *",
            "cron 30 2 * * 1-5")
        .map(Schedule::parse);
  }

  @Property(tries = 400)
  void everySlotAccountedForExactlyOnce(
      @ForAll("schedules") Schedule schedule,
      @ForAll @LongRange(min = 0, max = 30L * 86_400) long lastSeconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long lastNanos,
      @ForAll @LongRange(min = -10, max = 20_000) long deltaSeconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long deltaNanos) {
    Instant last = T0.plusSeconds(lastSeconds).plusNanos(lastNanos);
    Instant now = last.plusSeconds(deltaSeconds).plusNanos(deltaNanos);
    List<Instant> naive =
        schedule.slots(last.plusNanos(1), now.plusNanos(1), Schedule.MAX_ENUMERATED);

    SlotPlan plan = SlotPlan.plan(schedule, last, now);

    List<Instant> accounted = new ArrayList<>();
    plan.missed()
        .ifPresent(
            m -> {
              List<Instant> in = schedule.slots(m.first(), m.last().plusNanos(1), 1_000_000);
              assertEquals(m.count(), in.size(), "count of " + m);
              accounted.addAll(in);
            });
    plan.run().ifPresent(accounted::add);
    assertEquals(naive, accounted, "slots in (" + last + ", " + now + "] of " + schedule.text());

    if (naive.isEmpty()) {
      assertTrue(plan.isEmpty());
      return;
    }
    Instant latest = naive.get(naive.size() - 1);
    boolean withinGrace = Duration.between(latest, now).compareTo(SlotPlan.grace(schedule)) <= 0;
    assertEquals(withinGrace, plan.run().isPresent(), "grace rule for " + latest + " at " + now);
  }

  @Property(tries = 200)
  void withoutRunFoldsTheRunIntoTheMissedRange(
      @ForAll("schedules") Schedule schedule,
      @ForAll @LongRange(min = 0, max = 30L * 86_400) long lastSeconds,
      @ForAll @LongRange(min = 0, max = 20_000) long deltaSeconds) {
    Instant last = T0.plusSeconds(lastSeconds);
    Instant now = last.plusSeconds(deltaSeconds);
    SlotPlan plan = SlotPlan.plan(schedule, last, now);
    SlotPlan folded = plan.withoutRun(schedule);
    assertTrue(folded.run().isEmpty());
    long before = plan.missed().map(SlotPlan.MissedRange::count).orElse(0L);
    long after = folded.missed().map(SlotPlan.MissedRange::count).orElse(0L);
    assertEquals(before + (plan.run().isPresent() ? 1 : 0), after);
    plan.run().ifPresent(r -> assertEquals(r, folded.missed().orElseThrow().last()));
  }
}
