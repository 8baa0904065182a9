package dev.tlog.compliance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.compliance.evidence.EvidenceFormatException;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.compliance.mapping.ControlMapping;
import dev.tlog.compliance.schedule.ScheduleException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes a {@link ReportModel} from the verified events of a receive-time window (spec/
 * compliance.md, "Counting"). Pure and deterministic: the same events, period and mapping give the
 * same model. Events must be in index order; evidence payloads that cannot be read (erased or
 * malformed) count for nothing and are listed as {@link Finding.Kind#UNREADABLE}.
 */
public final class ReportCalculator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Computes the report of {@code events}, received in {@code [from, to)}. */
  public ReportModel compute(
      String framework,
      long from,
      long to,
      ControlMapping mapping,
      Verification verification,
      List<ReportEvent> events) {
    if (from < 0 || to <= from) {
      throw new ReportException("period [" + from + ", " + to + ") is empty");
    }
    Instant start = Times.instant(from);
    Instant end = Times.instant(to);
    SortedMap<String, Long> actions = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    List<Map.Entry<ReportEvent, ScheduleRecord>> scheduleEvents = new ArrayList<>();
    SortedMap<String, List<Map.Entry<ReportEvent, Object>>> records = new TreeMap<>();
    long previous = -1;
    for (ReportEvent e : events) {
      if (e.index() <= previous) {
        throw new ReportException("events out of index order at " + e.index());
      }
      previous = e.index();
      actions.merge(e.action(), 1L, Long::sum);
      try {
        switch (e.action()) {
          case Evidence.SCHEDULE -> {
            ScheduleRecord s = ScheduleRecord.parse(payload(e));
            scheduleEvents.add(Map.entry(e, s));
            s.collectors().forEach(c -> records.computeIfAbsent(c.name(), k -> new ArrayList<>()));
          }
          case Evidence.COLLECTION -> {
            CollectionRecord c = CollectionRecord.parse(payload(e));
            records.computeIfAbsent(c.collector(), k -> new ArrayList<>()).add(Map.entry(e, c));
          }
          case Evidence.MISSED -> {
            MissedRecord m = MissedRecord.parse(payload(e));
            records.computeIfAbsent(m.collector(), k -> new ArrayList<>()).add(Map.entry(e, m));
          }
          case "process.crash" ->
              findings.add(event(Finding.Kind.PROCESS_CRASH, e, "process " + field(e, "process")));
          case "config.change" ->
              findings.add(
                  event(
                      Finding.Kind.CONFIG_CHANGE,
                      e,
                      (e.payload().isPresent() && !field(e, "path").isEmpty()
                              ? field(e, "path") + ": "
                              : "")
                          + field(e, "old_hash")
                          + " -> "
                          + field(e, "new_hash")));
          case "secret.access" ->
              findings.add(event(Finding.Kind.SECRET_ACCESS, e, "secret " + field(e, "secret")));
          default -> {}
        }
      } catch (EvidenceFormatException | ScheduleException x) {
        findings.add(event(Finding.Kind.UNREADABLE, e, e.action() + ": " + x.getMessage()));
      }
    }
    List<CollectorCount> counts = new ArrayList<>();
    for (var c : records.entrySet()) {
      counts.add(
          CollectorEvidence.account(
              c.getKey(), c.getValue(), scheduleEvents, start, end, findings));
    }
    List<ControlCoverage> controls = new ArrayList<>();
    for (ControlMapping.Control c : mapping.controls()) {
      controls.add(coverage(c, actions, counts));
    }
    // Stable: unaccounted ranges (index -1) keep their chronological order.
    findings.sort(
        Comparator.comparing(Finding::kind)
            .thenComparing(Finding::collector)
            .thenComparingLong(Finding::index));
    return new ReportModel(
        framework,
        from,
        to,
        mapping,
        verification,
        events.size(),
        actions,
        counts,
        controls,
        findings);
  }

  private static ControlCoverage coverage(
      ControlMapping.Control c, SortedMap<String, Long> actions, List<CollectorCount> counts) {
    SortedMap<String, Long> events = new TreeMap<>();
    c.actions().forEach(a -> events.put(a, actions.getOrDefault(a, 0L)));
    List<String> names = new ArrayList<>();
    long due = 0;
    long done = 0;
    long failed = 0;
    long missed = 0;
    long unaccounted = 0;
    for (CollectorCount k : counts) {
      if (c.covers(k.name())) {
        names.add(k.name());
        due += k.due();
        done += k.done();
        failed += k.failed();
        missed += k.missed();
        unaccounted += k.unaccounted();
      }
    }
    long n = events.values().stream().mapToLong(Long::longValue).sum();
    ControlCoverage.Status status =
        n == 0 && names.isEmpty()
            ? ControlCoverage.Status.NO_EVIDENCE
            : failed + missed + unaccounted > 0
                ? ControlCoverage.Status.EXCEPTIONS
                : ControlCoverage.Status.EVIDENCED;
    return new ControlCoverage(
        c.id(), c.title(), status, events, names, due, done, failed, missed, unaccounted);
  }

  private static String payload(ReportEvent e) {
    return e.payload()
        .orElseThrow(() -> new EvidenceFormatException("", "erased: the payload is not available"));
  }

  /** A string field of the payload, "(erased)" without one, "" when absent. */
  private static String field(ReportEvent e, String name) {
    if (e.payload().isEmpty()) {
      return "(payload erased)";
    }
    try {
      JsonNode v = JSON.readTree(e.payload().get()).get(name);
      return v == null ? "" : v.isTextual() ? v.asText() : v.toString();
    } catch (JsonProcessingException x) {
      return "";
    }
  }

  private static Finding event(Finding.Kind kind, ReportEvent e, String what) {
    return new Finding(kind, e.index(), e.receivedNanos(), e.actor(), "", what);
  }
}
