package dev.tlog.merkle.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules and limits of spec/ledger.md, "Limits". */
final class EventRules {
  static final int MAX_ACTOR = 256;
  static final int MAX_META = 64;
  static final int MAX_KEY = 64;
  static final int MAX_VALUE = 1024;
  static final int MAX_PAYLOAD_BYTES = 60_000;
  static final Set<String> LINK_KEYS = Set.of("cause", "session", "incident");

  // \p{Cc}: every control character (C0, DEL and C1); \p{Cntrl} is ASCII only.
  private static final Pattern ACTOR = Pattern.compile("(agent|user|service|system):[^\\p{Cc}]+");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_KEY + "}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  private EventRules() {}

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  static void checkTime(String field, long nanos) {
    if (nanos < 0) {
      throw new EventFormatException(field, "before 1970: " + nanos + " ns");
    }
  }

  static void checkActor(String field, String actor) {
    if (actor == null) {
      throw new EventFormatException(field, "missing");
    }
    CanonicalJson.checkUnicode(field, actor);
    if (actor.length() > MAX_ACTOR || !ACTOR.matcher(actor).matches()) {
      throw new EventFormatException(
          field,
          "want kind:name with kind agent|user|service|system, no control characters, at most "
              + MAX_ACTOR
              + " characters, got \""
              + ActionTypes.abbreviate(actor)
              + "\"");
    }
  }

  static Map<String, String> checkMeta(String field, Map<String, String> meta) {
    if (meta == null) {
      return Map.of();
    }
    if (meta.size() > MAX_META) {
      throw new EventFormatException(field, meta.size() + " entries, at most " + MAX_META);
    }
    for (Map.Entry<String, String> e : meta.entrySet()) {
      checkKey(field, e.getKey());
      checkValue(field + "." + e.getKey(), e.getValue());
    }
    return meta;
  }

  static Map<String, String> checkLinks(String field, Map<String, String> links) {
    if (links == null) {
      return Map.of();
    }
    for (Map.Entry<String, String> e : links.entrySet()) {
      if (!LINK_KEYS.contains(e.getKey())) {
        throw new EventFormatException(
            field,
            "unknown link \""
                + ActionTypes.abbreviate(e.getKey())
                + "\", want cause|session|incident");
      }
      String name = field + "." + e.getKey();
      if (e.getKey().equals("cause")) {
        if (e.getValue() == null || !HEX.matcher(e.getValue()).matches()) {
          throw new EventFormatException(
              name, "want the causing event's leaf hash, 64 lower-case hex digits");
        }
      } else {
        checkValue(name, e.getValue());
        if (e.getValue().length() > MAX_ACTOR) {
          throw new EventFormatException(name, "longer than " + MAX_ACTOR + " characters");
        }
      }
    }
    return links;
  }

  /** Checks the payload object and returns its canonical form. */
  static String checkPayload(String field, List<String> required, JsonNode node) {
    if (!node.isObject()) {
      throw new EventFormatException(
          field, "want a JSON object, got " + node.getNodeType().name().toLowerCase());
    }
    for (String r : required) {
      JsonNode v = node.get(r);
      if (v == null || v.isNull()) {
        throw new EventFormatException(field + "." + r, "required for this action type");
      }
    }
    String canonical = CanonicalJson.canonical(node);
    int size = canonical.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_PAYLOAD_BYTES) {
      throw new EventFormatException(
          field, size + " bytes canonical, at most " + MAX_PAYLOAD_BYTES);
    }
    return canonical;
  }

  private static void checkKey(String field, String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new EventFormatException(
          field,
          "key \""
              + ActionTypes.abbreviate(String.valueOf(key))
              + "\" must be 1-"
              + MAX_KEY
              + " of A-Z a-z 0-9 _ . -");
    }
  }

  private static void checkValue(String field, String value) {
    if (value == null) {
      throw new EventFormatException(field, "must be a string");
    }
    CanonicalJson.checkUnicode(field, value);
    if (value.length() > MAX_VALUE) {
      throw new EventFormatException(field, "longer than " + MAX_VALUE + " characters");
    }
  }
}
