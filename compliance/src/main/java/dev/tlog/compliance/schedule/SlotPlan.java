package dev.tlog.compliance.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a collector's scheduler does at one tick (spec/compliance.md, "No silent gaps: slot
 * accounting"): of the slots in {@code (last, now]}, the latest is run when it is at most {@link
 * #grace} old, and every other one — all of them when the latest is older — is one missed range.
 * Pure: the same arguments always give the same plan.
 *
 * @param run the slot to run now, if any
 * @param missed the slots to record as one {@code evidence.missed} event, if any; when both are
 *     present the range ends at the slot just before {@code run}
 */
public record SlotPlan(Optional<Instant> run, Optional<MissedRange> missed) {

  /** Nothing to do. */
  public static final SlotPlan NOTHING = new SlotPlan(Optional.empty(), Optional.empty());

  /** Consecutive slots {@code first} to {@code last} inclusive, {@code count} of them. */
  public record MissedRange(Instant first, Instant last, long count) {
    public MissedRange {
      if (count < 1 || last.isBefore(first) || (count == 1 && !first.equals(last))) {
        throw new IllegalArgumentException(
            "missed range " + first + " .. " + last + " with count " + count);
      }
    }
  }

  public SlotPlan {
    run = run == null ? Optional.empty() : run;
    missed = missed == null ? Optional.empty() : missed;
  }

  /** Whether there is nothing to do. */
  public boolean isEmpty() {
    return run.isEmpty() && missed.isEmpty();
  }

  /**
   * How late a slot may still be run: {@code max(1 s, min(60 s, interval / 2))} for {@code every}
   * schedules (hourly, daily and weekly included), 60 s for cron.
   */
  public static Duration grace(Schedule schedule) {
    if (schedule instanceof Every e) {
      long halfMillis = e.periodSeconds() * 500;
      return Duration.ofMillis(Math.max(1_000, Math.min(60_000, halfMillis)));
    }
    return Duration.ofSeconds(60);
  }

  /**
   * The plan for the slots of {@code schedule} in {@code (last, now]}; {@link #NOTHING} when there
   * are none (also when {@code now} is not after {@code last}).
   */
  public static SlotPlan plan(Schedule schedule, Instant last, Instant now) {
    Optional<Instant> first = schedule.nextAfter(last);
    if (first.isEmpty() || first.get().isAfter(now)) {
      return NOTHING;
    }
    // first <= now, so there is a slot at or before now, and it is >= first.
    Instant latest = schedule.atOrBefore(now).orElseThrow();
    boolean runLatest = Duration.between(latest, now).compareTo(grace(schedule)) <= 0;
    if (!runLatest) {
      return new SlotPlan(Optional.empty(), Optional.of(range(schedule, first.get(), latest)));
    }
    if (first.get().equals(latest)) {
      return new SlotPlan(Optional.of(latest), Optional.empty());
    }
    Instant beforeLatest = schedule.atOrBefore(latest.minusNanos(1)).orElseThrow();
    return new SlotPlan(
        Optional.of(latest), Optional.of(range(schedule, first.get(), beforeLatest)));
  }

  /**
   * This plan with its run slot recorded as missed instead (the slot's run already happened but its
   * event could not be appended: spec/compliance.md, step 4).
   */
  public SlotPlan withoutRun(Schedule schedule) {
    if (run.isEmpty()) {
      return this;
    }
    Instant first = missed.map(MissedRange::first).orElse(run.get());
    return new SlotPlan(Optional.empty(), Optional.of(range(schedule, first, run.get())));
  }

  private static MissedRange range(Schedule schedule, Instant first, Instant last) {
    return new MissedRange(first, last, schedule.count(first, last.plusNanos(1)));
  }
}
