package dev.tlog.compliance.report;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.schedule.Schedule;
import dev.tlog.compliance.schedule.ScheduleException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accounts for one collector's slots in a period {@code [from, to)} (spec/compliance.md,
 * "Counting"). The schedule in effect is piecewise: {@link #segment} states it for a stretch of
 * time (empty: not due). Each due slot is then classified once, in this order: done (an {@code ok}
 * run for it), failed (only {@code failed}/{@code timeout} runs), missed (inside an {@code
 * evidence.missed} range), else unaccounted. Not thread-safe; one instance per collector and
 * report.
 */
final class SlotAccounting {
  private final String name;
  private final Instant from;
  private final Instant to;
  private final TreeSet<Instant> due = new TreeSet<>();
  private final Set<String> schedules = new LinkedHashSet<>();
  private final Set<Instant> ok = new HashSet<>();
  private final Set<Instant> failed = new HashSet<>();
  private final TreeSet<Instant> recorded = new TreeSet<>();
  private final List<Instant[]> missed = new ArrayList<>();

  SlotAccounting(String name, Instant from, Instant to) {
    this.name = name;
    this.from = from;
    this.to = to;
  }

  /** Under {@code schedule}, slots in {@code [start, end)} (clipped to the period) are due. */
  void segment(Instant start, Instant end, Optional<Schedule> schedule) {
    if (schedule.isEmpty()) {
      return;
    }
    Instant a = start.isBefore(from) ? from : start;
    Instant b = end.isAfter(to) ? to : end;
    if (!b.isAfter(a)) {
      return;
    }
    List<Instant> slots;
    try {
      slots = schedule.get().slots(a, b, Schedule.MAX_ENUMERATED);
    } catch (ScheduleException e) {
      throw new ReportException(
          "collector " + name + ": too many slots to count in the period: " + e.getMessage(), e);
    }
    if (!slots.isEmpty()) {
      schedules.add(schedule.get().text());
      due.addAll(slots);
    }
  }

  void collection(CollectionRecord r) {
    if (inPeriod(r.due())) {
      (r.status() == CollectionRecord.Status.OK ? ok : failed).add(r.due());
      recorded.add(r.due());
    }
  }

  void missed(MissedRecord r) {
    missed.add(new Instant[] {r.due(), r.lastDue()});
  }

  /** The due slots within {@code [first, last]}: how many of a missed range the period holds. */
  NavigableSet<Instant> dueWithin(Instant first, Instant last) {
    return due.subSet(first, true, last, true);
  }

  boolean inPeriod(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  CollectorCount count() {
    long done = 0;
    long fail = 0;
    long miss = 0;
    long unaccounted = 0;
    List<SlotRange> ranges = new ArrayList<>();
    Instant runFirst = null;
    Instant runLast = null;
    long run = 0;
    for (Instant slot : due) {
      boolean gap = false;
      if (ok.contains(slot)) {
        done++;
      } else if (failed.contains(slot)) {
        fail++;
      } else if (isMissed(slot)) {
        miss++;
      } else {
        unaccounted++;
        gap = true;
        if (run == 0) {
          runFirst = slot;
        }
        runLast = slot;
        run++;
      }
      if (!gap && run > 0) {
        ranges.add(new SlotRange(runFirst, runLast, run));
        run = 0;
      }
    }
    if (run > 0) {
      ranges.add(new SlotRange(runFirst, runLast, run));
    }
    long off = recorded.stream().filter(t -> !due.contains(t)).count();
    return new CollectorCount(
        name, List.copyOf(schedules), due.size(), done, fail, miss, unaccounted, off, ranges);
  }

  private boolean isMissed(Instant slot) {
    for (Instant[] m : missed) {
      if (!slot.isBefore(m[0]) && !slot.isAfter(m[1])) {
        return true;
      }
    }
    return false;
  }
}
