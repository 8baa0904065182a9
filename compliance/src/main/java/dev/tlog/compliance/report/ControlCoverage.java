package dev.tlog.compliance.report;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the period evidences one control: its events by action (every action the mapping lists, zero
 * included), the collectors seen in the period that it covers, and their summed slot counts.
 */
public record ControlCoverage(
    String id,
    String title,
    Status status,
    SortedMap<String, Long> events,
    List<String> collectors,
    long due,
    long done,
    long failed,
    long missed,
    long unaccounted) {

  /** A control's status (spec/compliance.md, "Counting"). */
  public enum Status {
    NO_EVIDENCE("no evidence"),
    EXCEPTIONS("exceptions"),
    EVIDENCED("evidenced");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ControlCoverage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    events = Collections.unmodifiableSortedMap(new TreeMap<>(events));
    collectors = List.copyOf(collectors);
  }

  /** All events of the control's actions. */
  public long eventCount() {
    return events.values().stream().mapToLong(Long::longValue).sum();
  }
}
