package dev.tlog.compliance.report;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds report inputs by hand for the counting tests: events in receive order, indexed. */
final class Events {
  static final Verification VERIFICATION =
      new Verification(
          "test.example/log",
          "test.example/log+01234567+AAAA",
          100,
          "test.example/log\n100\nroot=\n\n— test.example/log sig\n",
          OptionalLong.of(3),
          4,
          90,
          "00".repeat(32));

  private record Pending(long received, String actor, String action, String payload) {}

  private final List<Pending> pending = new ArrayList<>();

  static long nanos(Instant t) {
    return Times.nanos(t);
  }

  Events collection(
      String collector, String schedule, Instant due, CollectionRecord.Status s, String sha) {
    return collection(collector, schedule, "command", due, s, sha);
  }

  Events collection(
      String collector,
      String schedule,
      String kind,
      Instant due,
      CollectionRecord.Status s,
      String sha) {
    CollectionRecord r =
        new CollectionRecord(
            collector,
            s,
            due,
            schedule,
            kind,
            List.of(),
            due,
            5,
            sha,
            10,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            null,
            s == CollectionRecord.Status.OK ? Optional.empty() : Optional.of("boom"));
    return add(nanos(due) + 1_000_000_000L, Evidence.ACTOR, Evidence.COLLECTION, r.toPayload());
  }

  Events missed(String collector, String schedule, Instant due, Instant last, long count) {
    MissedRecord r =
        new MissedRecord(collector, due, last, count, schedule, MissedRecord.Reason.NOT_RUNNING);
    return add(nanos(last) + 2_000_000_000L, Evidence.ACTOR, Evidence.MISSED, r.toPayload());
  }

  Events schedule(Instant at, List<ScheduleRecord.Collector> collectors) {
    return add(
        nanos(at), Evidence.ACTOR, Evidence.SCHEDULE, new ScheduleRecord(collectors).toPayload());
  }

  Events add(long received, String actor, String action, String payload) {
    pending.add(new Pending(received, actor, action, payload));
    return this;
  }

  List<ReportEvent> build() {
    List<Pending> sorted = new ArrayList<>(pending);
    sorted.sort(Comparator.comparingLong(Pending::received));
    List<ReportEvent> out = new ArrayList<>();
    long index = 4;
    for (Pending p : sorted) {
      out.add(
          new ReportEvent(
              index++,
              p.received(),
              p.actor(),
              p.action(),
              "info",
              Optional.of(p.payload()),
              "ab".repeat(32)));
    }
    return out;
  }
}
