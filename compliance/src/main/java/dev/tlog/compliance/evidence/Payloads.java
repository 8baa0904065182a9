package dev.tlog.compliance.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.EventTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading and writing the JSON fields of evidence payloads. */
final class Payloads {
  static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(String payload) {
    try {
      JsonNode n = JSON.readTree(payload);
      if (n == null || !n.isObject()) {
        throw new EvidenceFormatException("", "not a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new EvidenceFormatException("", "not JSON: " + e.getOriginalMessage());
    }
  }

  static String time(Instant t) {
    return EventTime.format(t.getEpochSecond() * 1_000_000_000L + t.getNano());
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new EvidenceFormatException(field, "want a string");
    }
    return v.asText();
  }

  static Optional<String> optText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new EvidenceFormatException(field, "want a string");
    }
    return Optional.of(v.asText());
  }

  static Instant instant(JsonNode n, String field) {
    try {
      long nanos = EventTime.parse(field, text(n, field));
      return Instant.ofEpochSecond(
          Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    } catch (EventFormatException e) {
      throw new EvidenceFormatException(field, e.getMessage());
    }
  }

  static long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw new EvidenceFormatException(field, "want an integer");
    }
    return v.asLong();
  }

  static void putStrings(ObjectNode n, String field, List<String> values) {
    ArrayNode a = n.putArray(field);
    values.forEach(a::add);
  }

  /** An array of strings; absent reads as empty. */
  static List<String> strings(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new EvidenceFormatException(field, "want an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw new EvidenceFormatException(field, "want an array of strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  static Optional<Long> optNumber(JsonNode n, String field) {
    return n.has(field) ? Optional.of(number(n, field)) : Optional.empty();
  }
}
