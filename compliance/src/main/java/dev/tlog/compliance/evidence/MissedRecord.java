package dev.tlog.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/**
 * The payload of an {@code evidence.missed} event: {@code count} consecutive slots of one
 * collector, {@code due} to {@code lastDue} inclusive, that had no run (spec/compliance.md).
 */
public record MissedRecord(
    String collector, Instant due, Instant lastDue, long count, String schedule, Reason reason) {

  /** Why the slots had no run. */
  public enum Reason {
    NOT_RUNNING,
    OVERRUN,
    NOT_RECORDED;

    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Reason parse(String field, String text) {
      for (Reason r : values()) {
        if (r.text().equals(text)) {
          return r;
        }
      }
      throw new EvidenceFormatException(
          field, "want not-running, overrun or not-recorded, got \"" + text + "\"");
    }
  }

  public MissedRecord {
    if (count < 1) {
      throw new EvidenceFormatException("count", "want at least 1, got " + count);
    }
    if (lastDue.isBefore(due)) {
      throw new EvidenceFormatException("last_due", "before due");
    }
    if (count == 1 && !lastDue.equals(due)) {
      throw new EvidenceFormatException("last_due", "differs from due for a single slot");
    }
  }

  /** The payload JSON (any formatting; the log canonicalises it). */
  public String toPayload() {
    ObjectNode n = Payloads.object();
    n.put("collector", collector);
    n.put("due", Payloads.time(due));
    n.put("last_due", Payloads.time(lastDue));
    n.put("count", count);
    n.put("schedule", schedule);
    n.put("reason", reason.text());
    return Payloads.write(n);
  }

  /** Reads an {@code evidence.missed} payload. */
  public static MissedRecord parse(String payload) {
    JsonNode n = Payloads.read(payload);
    return new MissedRecord(
        Payloads.text(n, "collector"),
        Payloads.instant(n, "due"),
        Payloads.instant(n, "last_due"),
        Payloads.number(n, "count"),
        Payloads.text(n, "schedule"),
        Reason.parse("reason", Payloads.text(n, "reason")));
  }
}
