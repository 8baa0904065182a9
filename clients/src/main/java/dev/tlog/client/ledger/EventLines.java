package dev.tlog.client.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.Severity;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The JSON-lines event input of {@code tlog ingest} (spec/ledger.md, "Recording"): one JSON object
 * per line with the fields {@code time} (RFC 3339 with any offset and 0 to 9 fractional digits;
 * default now), {@code actor}, {@code action}, {@code severity} (default {@code info}), {@code
 * payload} (an object; default {@code {}}), {@code meta} and {@code links} (objects of strings).
 * The recorder adds {@code format} and a fresh {@code salt}, so neither may appear. Parsing is
 * all-or-nothing; failures are {@link EventFormatException} naming the field. Stateless.
 */
public final class EventLines {
  private static final Set<String> FIELDS =
      Set.of("time", "actor", "action", "severity", "payload", "meta", "links");
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Instant FIRST_TIME = Instant.ofEpochSecond(0, Long.MIN_VALUE);
  private static final Instant LAST_TIME = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  private EventLines() {}

  /** Parses one line; {@code now} gives the time of an event without one. */
  public static Event parse(String line, Supplier<Instant> now) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new EventFormatException("(line)", "not JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new EventFormatException("(line)", "want one JSON object per line");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.equals("salt") || f.equals("format")) {
        throw new EventFormatException(f, "the recorder adds it; leave it out");
      }
      if (!FIELDS.contains(f)) {
        throw new EventFormatException(f, "unknown field, want " + FIELDS);
      }
    }
    Event.Builder b = Event.builder();
    JsonNode time = n.get("time");
    b.time(time == null ? now.get() : parseTime("time", text(time, "time")));
    b.actor(n.has("actor") ? text(n.get("actor"), "actor") : null);
    b.action(n.has("action") ? text(n.get("action"), "action") : null);
    if (n.has("severity")) {
      b.severity(Severity.parse("severity", text(n.get("severity"), "severity")));
    }
    JsonNode payload = n.get("payload");
    if (payload != null) {
      if (!payload.isObject()) {
        throw new EventFormatException("payload", "want a JSON object");
      }
      b.payload(payload.toString());
    }
    strings(n, "meta").forEach(b::meta);
    strings(n, "links").forEach(b::link);
    return b.build();
  }

  /**
   * An RFC 3339 date-time ({@code 2026-11-29T14:02:03Z}, {@code 2026-11-29T15:02:03.5+01:00}, 0 to
   * 9 fractional digits) as an instant.
   */
  public static Instant parseTime(String field, String text) {
    Instant t;
    try {
      t =
          OffsetDateTime.parse(
                  text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant();
    } catch (DateTimeException e) {
      throw new EventFormatException(
          field, "want an RFC 3339 date-time like 2026-11-29T14:02:03Z, got \"" + text + "\"");
    }
    // Ledger times are int64 nanoseconds since the epoch (spec/ledger.md, "Times"); a time outside
    // would overflow when the event is built. Found by EventLinesFuzzTest.
    if (t.isBefore(FIRST_TIME) || t.isAfter(LAST_TIME)) {
      throw new EventFormatException(
          field,
          "\""
              + text
              + "\" is outside "
              + FIRST_TIME
              + " .. "
              + LAST_TIME
              + ", the times a ledger can hold");
    }
    return t;
  }

  private static String text(JsonNode v, String field) {
    if (!v.isTextual()) {
      throw new EventFormatException(field, "must be a string");
    }
    return v.textValue();
  }

  private static Map<String, String> strings(JsonNode n, String field) {
    JsonNode v = n.get(field);
    Map<String, String> out = new TreeMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      throw new EventFormatException(field, "want an object of strings");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), text(e.getValue(), field + "." + e.getKey()));
    }
    return out;
  }
}
