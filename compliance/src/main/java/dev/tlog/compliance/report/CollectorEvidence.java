package dev.tlog.compliance.report;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.compliance.schedule.Schedule;
import dev.tlog.compliance.schedule.ScheduleException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * One collector's part of a report (spec/compliance.md, "Counting"): the schedule in effect over
 * the period, its slots accounted by {@link SlotAccounting}, and its exceptions (failed and
 * timed-out runs, drift of a {@code files} collector, missed gaps clipped to the period,
 * unaccounted ranges).
 */
final class CollectorEvidence {
  private CollectorEvidence() {}

  /**
   * Accounts for collector {@code name}: {@code recs} are its collection and missed records of the
   * window in index order; {@code scheduleEvents} every evidence.schedule event of the window. Adds
   * its exceptions to {@code findings}.
   */
  static CollectorCount account(
      String name,
      List<Map.Entry<ReportEvent, Object>> recs,
      List<Map.Entry<ReportEvent, ScheduleRecord>> scheduleEvents,
      Instant from,
      Instant to,
      List<Finding> findings) {
    SlotAccounting a = new SlotAccounting(name, from, to);
    Optional<Schedule> fallback = Optional.empty();
    if (!recs.isEmpty()) {
      Object first = recs.get(0).getValue();
      String text =
          first instanceof CollectionRecord c ? c.schedule() : ((MissedRecord) first).schedule();
      Instant firstDue =
          first instanceof CollectionRecord c ? c.due() : ((MissedRecord) first).due();
      // A collector whose first slot comes after the window's first schedule event was added by
      // it: before that event it was not configured, so nothing of it was due.
      boolean addedLater =
          !scheduleEvents.isEmpty()
              && !firstDue.isBefore(Times.instant(scheduleEvents.get(0).getKey().receivedNanos()));
      fallback = addedLater ? Optional.empty() : parse(text);
    }
    // The schedule in effect: the last evidence.schedule event received at or before the slot,
    // else the first record's, unless that record is for a slot after the window's first schedule
    // event (spec/compliance.md, "Counting").
    Instant segStart = from;
    Optional<Schedule> current = fallback;
    for (var s : scheduleEvents) {
      Instant at = Times.instant(s.getKey().receivedNanos());
      a.segment(segStart, at, current);
      segStart = at;
      current =
          s.getValue().collectors().stream()
              .filter(c -> c.name().equals(name))
              .findFirst()
              .flatMap(c -> parse(c.schedule()));
    }
    a.segment(segStart, to, current);
    String previousSha = null;
    for (var r : recs) {
      ReportEvent e = r.getKey();
      if (r.getValue() instanceof CollectionRecord c) {
        a.collection(c);
        if (!a.inPeriod(c.due())) {
          continue;
        }
        if (c.status() != CollectionRecord.Status.OK) {
          findings.add(
              new Finding(
                  c.status() == CollectionRecord.Status.FAILED
                      ? Finding.Kind.COLLECTION_FAILED
                      : Finding.Kind.COLLECTION_TIMEOUT,
                  e.index(),
                  e.receivedNanos(),
                  e.actor(),
                  name,
                  "due "
                      + Times.format(c.due())
                      + ": "
                      + c.status().text()
                      + c.exitCode().map(x -> ", exit code " + x).orElse("")
                      + c.httpStatus().map(x -> ", HTTP " + x).orElse("")
                      + c.error().map(x -> ": " + x).orElse("")));
        } else if (c.kind().equals("files")) {
          if (previousSha != null && !previousSha.equals(c.outputSha256())) {
            findings.add(
                new Finding(
                    Finding.Kind.DRIFT,
                    e.index(),
                    e.receivedNanos(),
                    e.actor(),
                    name,
                    "due "
                        + Times.format(c.due())
                        + ": output_sha256 "
                        + previousSha
                        + " -> "
                        + c.outputSha256()));
          }
          previousSha = c.outputSha256();
        }
      } else {
        a.missed((MissedRecord) r.getValue());
      }
    }
    for (var r : recs) {
      if (r.getValue() instanceof MissedRecord m) {
        NavigableSet<Instant> in = a.dueWithin(m.due(), m.lastDue());
        if (!in.isEmpty()) {
          ReportEvent e = r.getKey();
          findings.add(
              new Finding(
                  Finding.Kind.MISSED,
                  e.index(),
                  e.receivedNanos(),
                  e.actor(),
                  name,
                  in.size()
                      + " slot"
                      + (in.size() == 1 ? " " : "s ")
                      + Times.format(in.first())
                      + " .. "
                      + Times.format(in.last())
                      + " ("
                      + m.reason().text()
                      + ")"));
        }
      }
    }
    CollectorCount count = a.count();
    for (SlotRange u : count.unaccountedRanges()) {
      findings.add(
          new Finding(
              Finding.Kind.UNACCOUNTED,
              -1,
              -1,
              "",
              name,
              u.count()
                  + " slot"
                  + (u.count() == 1 ? " " : "s ")
                  + Times.format(u.first())
                  + " .. "
                  + Times.format(u.last())
                  + ": nothing recorded"));
    }
    return count;
  }

  private static Optional<Schedule> parse(String text) {
    try {
      return Optional.of(Schedule.parse(text));
    } catch (ScheduleException e) {
      return Optional.empty();
    }
  }
}
