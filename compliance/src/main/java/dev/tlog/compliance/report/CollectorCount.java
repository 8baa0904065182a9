package dev.tlog.compliance.report;

import java.util.List;
import java.util.Objects;

/**
 * One collector's slots in a period (spec/compliance.md, "Counting"). Every due slot is exactly one
 * of done, failed, missed or unaccounted, so {@code done + failed + missed + unaccounted = due}.
 *
 * @param schedules the schedule texts in effect during the period, in order of first use
 * @param offSchedule runs recorded for a slot in the period that is not due under the schedule in
 *     effect (not part of the sum)
 */
public record CollectorCount(
    String name,
    List<String> schedules,
    long due,
    long done,
    long failed,
    long missed,
    long unaccounted,
    long offSchedule,
    List<SlotRange> unaccountedRanges) {
  public CollectorCount {
    Objects.requireNonNull(name, "name");
    schedules = List.copyOf(schedules);
    unaccountedRanges = List.copyOf(unaccountedRanges);
    if (done + failed + missed + unaccounted != due) {
      throw new IllegalArgumentException(
          name + ": done + failed + missed + unaccounted != due (" + due + ")");
    }
  }
}
