package dev.tlog.compliance.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One verified event of a report's window, as counting needs it: its index, the receive time the
 * window proves for it, the entry's fields, and its payload (empty when erased).
 *
 * @param receivedNanos {@code received(index)}, nanoseconds since the epoch
 * @param leafHash hex leaf hash of the entry
 */
public record ReportEvent(
    long index,
    long receivedNanos,
    String actor,
    String action,
    String severity,
    Optional<String> payload,
    String leafHash) {
  public ReportEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(leafHash, "leafHash");
  }
}
