package dev.tlog.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The payload of an {@code evidence.collection} event: one collector run (spec/compliance.md,
 * "Evidence events"). Optional fields are empty when the run's kind has none; {@code target} is
 * what ran (a command's argv, the paths hashed, the URL, the built-in's name).
 */
public record CollectionRecord(
    String collector,
    Status status,
    Instant due,
    String schedule,
    String kind,
    List<String> target,
    Instant started,
    long durationMs,
    String outputSha256,
    long outputSize,
    Optional<String> output,
    Optional<Long> exitCode,
    Optional<Long> httpStatus,
    SortedMap<String, String> files,
    Optional<String> error) {

  /** Most bytes of output recorded inline. */
  public static final int MAX_INLINE_OUTPUT = 4096;

  /** Most characters of {@link #error}. */
  public static final int MAX_ERROR = 1024;

  /** How a run ended. */
  public enum Status {
    OK,
    FAILED,
    TIMEOUT;

    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Status parse(String field, String text) {
      for (Status s : values()) {
        if (s.text().equals(text)) {
          return s;
        }
      }
      throw new EvidenceFormatException(field, "want ok, failed or timeout, got \"" + text + "\"");
    }
  }

  public CollectionRecord {
    target = List.copyOf(target);
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files == null ? Map.of() : files));
    output = output == null ? Optional.empty() : output;
    exitCode = exitCode == null ? Optional.empty() : exitCode;
    httpStatus = httpStatus == null ? Optional.empty() : httpStatus;
    error = error == null ? Optional.empty() : error.map(CollectionRecord::clip);
  }

  private static String clip(String s) {
    return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 3) + "...";
  }

  /** The payload JSON (any formatting; the log canonicalises it). */
  public String toPayload() {
    ObjectNode n = Payloads.object();
    n.put("collector", collector);
    n.put("status", status.text());
    n.put("due", Payloads.time(due));
    n.put("schedule", schedule);
    n.put("kind", kind);
    Payloads.putStrings(n, "target", target);
    n.put("started", Payloads.time(started));
    n.put("duration_ms", durationMs);
    n.put("output_sha256", outputSha256);
    n.put("output_size", outputSize);
    output.ifPresent(o -> n.put("output", o));
    exitCode.ifPresent(c -> n.put("exit_code", c));
    httpStatus.ifPresent(c -> n.put("http_status", c));
    if (!files.isEmpty()) {
      ObjectNode f = n.putObject("files");
      files.forEach(f::put);
    }
    error.ifPresent(e -> n.put("error", e));
    return Payloads.write(n);
  }

  /** Reads an {@code evidence.collection} payload. */
  public static CollectionRecord parse(String payload) {
    JsonNode n = Payloads.read(payload);
    SortedMap<String, String> files = new TreeMap<>();
    JsonNode f = n.get("files");
    if (f != null) {
      if (!f.isObject()) {
        throw new EvidenceFormatException("files", "want an object of path to SHA-256");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw new EvidenceFormatException("files." + e.getKey(), "want a string");
        }
        files.put(e.getKey(), e.getValue().asText());
      }
    }
    return new CollectionRecord(
        Payloads.text(n, "collector"),
        Status.parse("status", Payloads.text(n, "status")),
        Payloads.instant(n, "due"),
        Payloads.text(n, "schedule"),
        Payloads.text(n, "kind"),
        Payloads.strings(n, "target"),
        Payloads.instant(n, "started"),
        Payloads.number(n, "duration_ms"),
        Payloads.text(n, "output_sha256"),
        Payloads.number(n, "output_size"),
        Payloads.optText(n, "output"),
        Payloads.optNumber(n, "exit_code"),
        Payloads.optNumber(n, "http_status"),
        files,
        Payloads.optText(n, "error"));
  }
}
