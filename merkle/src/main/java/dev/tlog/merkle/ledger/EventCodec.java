package dev.tlog.merkle.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ledger's byte formats (spec/ledger.md): the submission an appender sends, the entry the log
 * commits, the payload record stored beside it and the log's clock marks. Every encoder writes RFC
 * 8785 canonical JSON; every parser is all-or-nothing, rejects unknown fields, and for committed
 * bytes also rejects any form but the canonical one, so that one event has one leaf hash.
 */
public final class EventCodec {
  public static final String EVENT_FORMAT = "tlog-event/1";
  public static final String CLOCK_FORMAT = "tlog-clock/1";
  public static final String PAYLOAD_FORMAT = "tlog-payload/1";

  private static final Set<String> SUBMISSION_FIELDS =
      Set.of("format", "time", "actor", "action", "severity", "meta", "links", "payload", "salt");
  private static final Set<String> ENTRY_FIELDS =
      Set.of("format", "time", "actor", "action", "severity", "meta", "links", "payload_sha256");
  private static final Set<String> CLOCK_FIELDS = Set.of("format", "clock");
  private static final Set<String> PAYLOAD_FIELDS = Set.of("format", "payload", "salt");

  private EventCodec() {}

  /** What an appender sends: the whole event with its payload and salt. */
  public static byte[] submission(Event e) {
    ObjectNode n = common(e.timeNanos(), e.actor(), e.action(), e.severity(), e.meta(), e.links());
    n.set("payload", CanonicalJson.parse("payload", utf8(e.payload())));
    n.put("salt", e.salt().toHex());
    return utf8(CanonicalJson.canonical(n));
  }

  /** Parses a submission (any JSON formatting; fields exactly as spec/ledger.md lists them). */
  public static Event parseSubmission(byte[] bytes) {
    JsonNode n = CanonicalJson.parse("(document)", bytes);
    requireObject(n, SUBMISSION_FIELDS, EVENT_FORMAT);
    JsonNode payload = n.get("payload");
    if (payload == null) {
      throw new EventFormatException("payload", "missing");
    }
    if (!payload.isObject()) {
      throw new EventFormatException("payload", "want a JSON object");
    }
    String canonicalPayload = CanonicalJson.canonical(payload);
    return new Event(
        EventTime.parse("time", text(n, "time")),
        text(n, "actor"),
        text(n, "action"),
        Severity.parse("severity", text(n, "severity")),
        canonicalPayload,
        strings(n, "meta"),
        strings(n, "links"),
        hex("salt", text(n, "salt")));
  }

  /** The bytes the log commits for {@code e} (its leaf is the RFC 6962 hash of these). */
  public static byte[] entry(Event e) {
    ObjectNode n = common(e.timeNanos(), e.actor(), e.action(), e.severity(), e.meta(), e.links());
    n.put("payload_sha256", e.payloadHash().toHex());
    return utf8(CanonicalJson.canonical(n));
  }

  /** The payload record stored and served beside {@code e}'s entry. */
  public static byte[] payloadRecord(Event e) {
    // The one canonical layout (members in JCS order, all ASCII but the payload, which the Event
    // holds canonical already): written here, sliced by parseStoredPayloadRecord.
    return utf8(PAYLOAD_PREFIX + e.payload() + SALT_SUFFIX + e.salt().toHex() + "\"}");
  }

  /** The entry of a clock mark at {@code nanos}. */
  public static byte[] clockEntry(long nanos) {
    ObjectNode n = CanonicalJson.mapper().createObjectNode();
    n.put("format", CLOCK_FORMAT);
    n.put("clock", EventTime.format(nanos));
    return utf8(CanonicalJson.canonical(n));
  }

  /** SHA-256(salt || UTF-8 canonical payload). */
  public static Hash payloadCommitment(Hash salt, String canonicalPayload) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(salt.bytes());
      d.update(utf8(canonicalPayload));
      return Hash.of(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses committed entry bytes: an event entry or a clock mark, in canonical form only. */
  public static LedgerEntry parseEntry(byte[] bytes) {
    return parseEntry(bytes, true);
  }

  /**
   * Parses entry bytes that were already checked by {@link #parseEntry(byte[])} when they were
   * accepted, e.g. read back from the log that validated them for a derived index: every field is
   * checked as there, but the bytes are not re-encoded to compare with the canonical form (most of
   * the cost). Anything that decides what is true uses {@link #parseEntry(byte[])}.
   */
  public static LedgerEntry parseStoredEntry(byte[] bytes) {
    return parseEntry(bytes, false);
  }

  private static LedgerEntry parseEntry(byte[] bytes, boolean checkCanonical) {
    JsonNode n = CanonicalJson.parse("(document)", bytes);
    if (!n.isObject()) {
      throw new EventFormatException("(document)", "want a JSON object");
    }
    String format = text(n, "format");
    LedgerEntry out;
    byte[] again;
    if (format.equals(CLOCK_FORMAT)) {
      requireObject(n, CLOCK_FIELDS, CLOCK_FORMAT);
      long t = EventTime.parse("clock", text(n, "clock"));
      out = new LedgerEntry.ClockMark(t);
      if (!checkCanonical) {
        return out;
      }
      again = clockEntry(t);
    } else {
      requireObject(n, ENTRY_FIELDS, EVENT_FORMAT);
      long t = EventTime.parse("time", text(n, "time"));
      String actor = text(n, "actor");
      EventRules.checkActor("actor", actor);
      String action = text(n, "action");
      ActionTypes.check("action", action);
      Severity sev = Severity.parse("severity", text(n, "severity"));
      SortedMap<String, String> meta =
          new TreeMap<>(EventRules.checkMeta("meta", strings(n, "meta")));
      SortedMap<String, String> links =
          new TreeMap<>(EventRules.checkLinks("links", strings(n, "links")));
      Hash commitment = hex("payload_sha256", text(n, "payload_sha256"));
      out = new LedgerEntry.EventEntry(t, actor, action, sev, meta, links, commitment);
      if (!checkCanonical) {
        return out;
      }
      ObjectNode c = common(t, actor, action, sev, meta, links);
      c.put("payload_sha256", commitment.toHex());
      again = utf8(CanonicalJson.canonical(c));
    }
    if (!java.util.Arrays.equals(again, bytes)) {
      throw new EventFormatException("(document)", "not in RFC 8785 canonical form");
    }
    return out;
  }

  /**
   * Reads a payload record already checked when it was stored (see {@link #parseStoredEntry}): a
   * record in the one canonical layout is sliced, not parsed; anything else is parsed strictly. The
   * caller checks the commitment, which also catches a slice of damaged bytes.
   */
  public static PayloadRecord parseStoredPayloadRecord(byte[] bytes) {
    int tail = STORED_SALT_SUFFIX.length + 2 * Hash.SIZE + 2;
    if (bytes.length > STORED_PAYLOAD_PREFIX.length + tail
        && java.util.Arrays.equals(
            bytes,
            0,
            STORED_PAYLOAD_PREFIX.length,
            STORED_PAYLOAD_PREFIX,
            0,
            STORED_PAYLOAD_PREFIX.length)
        && java.util.Arrays.equals(
            bytes,
            bytes.length - tail,
            bytes.length - tail + STORED_SALT_SUFFIX.length,
            STORED_SALT_SUFFIX,
            0,
            STORED_SALT_SUFFIX.length)
        && bytes[bytes.length - 2] == '"'
        && bytes[bytes.length - 1] == '}') {
      String salt =
          new String(
              bytes, bytes.length - 2 - 2 * Hash.SIZE, 2 * Hash.SIZE, StandardCharsets.UTF_8);
      if (salt.matches("[0-9a-f]+")) {
        String payload =
            new String(
                bytes,
                STORED_PAYLOAD_PREFIX.length,
                bytes.length - tail - STORED_PAYLOAD_PREFIX.length,
                StandardCharsets.UTF_8);
        return new PayloadRecord(payload, Hash.fromHex(salt));
      }
    }
    return parsePayloadRecord(bytes);
  }

  private static final String PAYLOAD_PREFIX =
      "{\"format\":\"" + PAYLOAD_FORMAT + "\",\"payload\":";
  private static final String SALT_SUFFIX = ",\"salt\":\"";
  private static final byte[] STORED_PAYLOAD_PREFIX =
      PAYLOAD_PREFIX.getBytes(StandardCharsets.UTF_8);
  private static final byte[] STORED_SALT_SUFFIX = SALT_SUFFIX.getBytes(StandardCharsets.UTF_8);

  /** Parses a payload record in canonical form (its commitment is checked by the caller). */
  public static PayloadRecord parsePayloadRecord(byte[] bytes) {
    JsonNode n = CanonicalJson.parse("(document)", bytes);
    requireObject(n, PAYLOAD_FIELDS, PAYLOAD_FORMAT);
    JsonNode payload = n.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new EventFormatException("payload", "want a JSON object");
    }
    PayloadRecord r =
        new PayloadRecord(CanonicalJson.canonical(payload), hex("salt", text(n, "salt")));
    ObjectNode c = CanonicalJson.mapper().createObjectNode();
    c.put("format", PAYLOAD_FORMAT);
    c.set("payload", payload);
    c.put("salt", r.salt().toHex());
    if (!java.util.Arrays.equals(utf8(CanonicalJson.canonical(c)), bytes)) {
      throw new EventFormatException("(document)", "not in RFC 8785 canonical form");
    }
    return r;
  }

  private static ObjectNode common(
      long time,
      String actor,
      String action,
      Severity severity,
      Map<String, String> meta,
      Map<String, String> links) {
    ObjectNode n = CanonicalJson.mapper().createObjectNode();
    n.put("format", EVENT_FORMAT);
    n.put("time", EventTime.format(time));
    n.put("actor", actor);
    n.put("action", action);
    n.put("severity", severity.label());
    if (!meta.isEmpty()) {
      ObjectNode m = n.putObject("meta");
      meta.forEach(m::put);
    }
    if (!links.isEmpty()) {
      ObjectNode l = n.putObject("links");
      links.forEach(l::put);
    }
    return n;
  }

  private static void requireObject(JsonNode n, Set<String> allowed, String format) {
    if (!n.isObject()) {
      throw new EventFormatException("(document)", "want a JSON object");
    }
    // The format first: a document of another format is named as such, not by its first field.
    String got = text(n, "format");
    if (!got.equals(format)) {
      throw new EventFormatException(
          "format", "want \"" + format + "\", got \"" + ActionTypes.abbreviate(got) + "\"");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new EventFormatException(ActionTypes.abbreviate(f), "unknown field");
      }
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new EventFormatException(field, "missing");
    }
    if (!v.isTextual()) {
      throw new EventFormatException(field, "must be a string");
    }
    return v.textValue();
  }

  private static SortedMap<String, String> strings(JsonNode n, String field) {
    JsonNode v = n.get(field);
    SortedMap<String, String> out = new TreeMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      throw new EventFormatException(field, "want an object of strings");
    }
    if (v.isEmpty()) {
      throw new EventFormatException(field, "omit it rather than send it empty");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new EventFormatException(
            field + "." + ActionTypes.abbreviate(e.getKey()), "must be a string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  private static Hash hex(String field, String text) {
    if (text.length() != 2 * Hash.SIZE || !text.matches("[0-9a-f]+")) {
      throw new EventFormatException(field, "want 64 lower-case hex digits");
    }
    return Hash.fromHex(text);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
