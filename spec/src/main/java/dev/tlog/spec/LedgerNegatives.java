package dev.tlog.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.LedgerEntry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The invalid cases of ledger/ledger.json, made by mutating one valid event: each is run through
 * the codec here, and the generator stops unless it fails with {@link EventFormatException} naming
 * the labelled field.
 */
final class LedgerNegatives {
  static final String SUBMISSION = "submission";
  static final String ENTRY = "entry";
  static final String RECORD = "payload_record";
  static final String COMMITMENT = "commitment";
  private static final String ERROR = "EventFormatException";

  private final ObjectMapper json = new ObjectMapper();
  private final ArrayNode out;
  private final Event base;
  private final String submission;
  private final String entry;
  private final String record;

  private LedgerNegatives(ArrayNode out, Event base) {
    this.out = out;
    this.base = base;
    this.submission = LedgerVectors.utf8(EventCodec.submission(base));
    this.entry = LedgerVectors.utf8(EventCodec.entry(base));
    this.record = LedgerVectors.utf8(EventCodec.payloadRecord(base));
  }

  /** The invalid cases, mutations of {@code base}; {@code otherSalt} differs from its salt. */
  static ArrayNode cases(VectorWriter w, Event base, Hash otherSalt) {
    LedgerNegatives n = new LedgerNegatives(w.array(), base);
    LedgerSubmissionNegatives.write(n);
    n.entries();
    n.clockMarks();
    n.payloadRecords(otherSalt);
    return n.out;
  }

  Event base() {
    return base;
  }

  String submission() {
    return submission;
  }

  /**
   * The base submission with {@code edit} applied to its tree (compact, Jackson's member order).
   */
  byte[] edited(Consumer<ObjectNode> edit) {
    try {
      ObjectNode n = (ObjectNode) json.readTree(submission);
      edit.accept(n);
      return json.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base submission with its payload edited. */
  byte[] editedPayload(Consumer<ObjectNode> edit) {
    return edited(n -> edit.accept((ObjectNode) n.get("payload")));
  }

  ObjectNode object() {
    return json.createObjectNode();
  }

  private void entries() {
    String sha = base.payloadHash().toHex();
    String format = ",\"format\":\"tlog-event/1\"";
    String[][] cases = {
      {
        "members not sorted",
        "{" + format.substring(1) + "," + without(entry, format).substring(1),
        "(document)"
      },
      {"space after a colon", once(entry, "\"actor\":", "\"actor\": "), "(document)"},
      {"trailing newline", entry + "\n", "(document)"},
      {"escaped ASCII letter", once(entry, "agent:planner", "agent:pl\\u0061nner"), "(document)"},
      {"escaped slash", once(entry, "tlog-event/1", "tlog-event\\/1"), "(document)"},
      {"a submission", submission, "payload"},
      {"a payload record", record, "format"},
      {
        "payload_sha256 missing",
        without(entry, ",\"payload_sha256\":\"" + sha + "\""),
        "payload_sha256"
      },
      {"payload_sha256 in upper case", once(entry, sha, sha.toUpperCase()), "payload_sha256"},
      {"payload_sha256 of 31 bytes", once(entry, sha, sha.substring(2)), "payload_sha256"},
      {"format missing", without(entry, format), "format"},
      {"unknown format", once(entry, "tlog-event/1", "tlog-event/2"), "format"},
      {"meta empty", once(entry, "{\"host\":\"db-1\"}", "{}"), "meta"},
      {"unknown severity", once(entry, "\"warning\"", "\"fatal\""), "severity"},
      {"reserved namespace", once(entry, "agent.tool_call", "agent.deploy"), "action"},
      {"time with 3 fractional digits", once(entry, ".000000001Z", ".000Z"), "time"},
    };
    for (String[] c : cases) {
      bad("entry: " + c[0], ENTRY, c[1], c[2]);
    }
    bad("entry: not UTF-8", ENTRY, spliced(entry, "agent:planner", "ff"), "(document)");
  }

  private void clockMarks() {
    String t = "1970-01-01T00:00:00.000000000Z";
    String mark = LedgerVectors.utf8(EventCodec.clockEntry(0));
    String[][] cases = {
      {"time with 3 fractional digits", once(mark, t, "1970-01-01T00:00:00.000Z"), "clock"},
      {"time in 1969", once(mark, t, "1969-12-31T23:59:59.999999999Z"), "clock"},
      {"members not sorted", "{\"format\":\"tlog-clock/1\",\"clock\":\"" + t + "\"}", "(document)"},
      {"extra field", once(mark, "}", ",\"note\":\"x\"}"), "note"},
      {"clock missing", "{\"format\":\"tlog-clock/1\"}", "clock"},
    };
    for (String[] c : cases) {
      bad("clock mark: " + c[0], ENTRY, c[1], c[2]);
    }
  }

  private void payloadRecords(Hash otherSalt) {
    String salt = base.salt().toHex();
    String head = "{\"format\":\"tlog-payload/1\",";
    String unsorted =
        once(
            once(record, "{\"duration_ms\":12.5,", "{"),
            "\"shell\"}",
            "\"shell\",\"duration_ms\":12.5}");
    String[][] cases = {
      {
        "space in the payload",
        once(record, "\"tool\":\"shell\"", "\"tool\": \"shell\""),
        "(document)"
      },
      {"payload members not sorted", unsorted, "(document)"},
      {"number not canonical", once(record, "12.5", "12.50"), "(document)"},
      {"salt missing", without(record, ",\"salt\":\"" + salt + "\""), "salt"},
      {"salt in upper case", once(record, salt, salt.toUpperCase()), "salt"},
      {"payload an array", head + "\"payload\":[],\"salt\":\"" + salt + "\"}", "payload"},
      {"payload missing", head + "\"salt\":\"" + salt + "\"}", "payload"},
      {"unknown format", once(record, "tlog-payload/1", "tlog-payload/2"), "format"},
      {"unknown field", "{\"comment\":\"x\"," + record.substring(1), "comment"},
      {"an entry", entry, "format"},
    };
    for (String[] c : cases) {
      bad("payload record: " + c[0], RECORD, c[1], c[2]);
    }
    commitment("payload record: another salt", once(record, salt, otherSalt.toHex()));
    commitment("payload record: payload changed", once(record, "\"shell\"", "\"shelL\""));
    commitment(
        "payload record: payload member added", once(record, "\"shell\"}", "\"shell\",\"x\":1}"));
  }

  /** Adds a case that {@code parse} must reject naming {@code field}, after checking it does. */
  void bad(String name, String parse, String input, String field) {
    bad(name, parse, LedgerVectors.utf8(input), field);
  }

  void bad(String name, String parse, byte[] input, String field) {
    Runnable check =
        switch (parse) {
          case SUBMISSION -> () -> EventCodec.parseSubmission(input);
          case ENTRY -> () -> EventCodec.parseEntry(input);
          case RECORD -> () -> EventCodec.parsePayloadRecord(input);
          default -> throw new IllegalArgumentException(parse);
        };
    ObjectNode c = out.addObject().put("name", name).put("parse", parse);
    String text = strictUtf8(input);
    if (text != null) {
      c.put("input", text);
    } else {
      c.put("input_hex", HexFormat.of().formatHex(input));
    }
    label(c, name, field, check);
  }

  private void commitment(String name, String otherRecord) {
    Runnable check =
        () ->
            EventCodec.parsePayloadRecord(LedgerVectors.utf8(otherRecord))
                .checkAgainst(
                    (LedgerEntry.EventEntry) EventCodec.parseEntry(LedgerVectors.utf8(entry)));
    ObjectNode c = out.addObject().put("name", name).put("parse", COMMITMENT);
    c.put("input", otherRecord).put("entry", entry);
    label(c, name, "payload_sha256", check);
  }

  private static void label(ObjectNode c, String name, String field, Runnable check) {
    EventFormatException e = (EventFormatException) HashJson.failure(name, ERROR, check);
    if (!e.field().equals(field)) {
      throw new IllegalStateException(name + ": field " + e.field() + ", want " + field, e);
    }
    c.put("error", ERROR).put("field", field);
  }

  /** {@code s} with {@code from}, which must occur exactly once, replaced by {@code to}. */
  static String once(String s, String from, String to) {
    int at = s.indexOf(from);
    if (at < 0 || s.indexOf(from, at + 1) >= 0) {
      throw new IllegalStateException("not exactly once in " + s + ": " + from);
    }
    return s.substring(0, at) + to + s.substring(at + from.length());
  }

  static String without(String s, String part) {
    return once(s, part, "");
  }

  /** {@code s} as UTF-8 with the bytes {@code hex} inserted after the first {@code at}. */
  static byte[] spliced(String s, String at, String hex) {
    return splice(s, at, HexFormat.of().parseHex(hex));
  }

  private static byte[] splice(String s, String at, byte[] insert) {
    int i = s.indexOf(at) + at.length();
    byte[] head = LedgerVectors.utf8(s.substring(0, i));
    byte[] tail = LedgerVectors.utf8(s.substring(i));
    return ByteBuffer.allocate(head.length + insert.length + tail.length)
        .put(head)
        .put(insert)
        .put(tail)
        .array();
  }

  private static String strictUtf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
