package dev.tlog.compliance.report;

import dev.tlog.compliance.mapping.ControlMapping;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A compliance report (spec/compliance.md, "Reports"), computed by {@link ReportCalculator} from
 * the verified events of a receive-time window {@code [from, to)} (nanoseconds) and a mapping;
 * {@link ReportJson} writes it, {@link MarkdownReport} and {@link HtmlReport} render it. Immutable.
 *
 * @param events how many events the window holds
 * @param actions events by action
 * @param findings every exception, grouped by kind in {@link Finding.Kind} order
 */
public record ReportModel(
    String framework,
    long from,
    long to,
    ControlMapping mapping,
    Verification verification,
    long events,
    SortedMap<String, Long> actions,
    List<CollectorCount> collectors,
    List<ControlCoverage> controls,
    List<Finding> findings) {
  public ReportModel {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(verification, "verification");
    actions = Collections.unmodifiableSortedMap(new TreeMap<>(actions));
    collectors = List.copyOf(collectors);
    controls = List.copyOf(controls);
    findings = List.copyOf(findings);
  }

  /** The findings of one kind, in report order. */
  public List<Finding> findings(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }
}
