package dev.tlog.spec;

import static dev.tlog.spec.LedgerNegatives.SUBMISSION;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import java.util.List;
import java.util.function.Consumer;

/** The invalid submissions of ledger/ledger.json: one rule of spec/ledger.md broken in each. */
final class LedgerSubmissionNegatives {
  private static final int MAX_PAYLOAD_BYTES = 60_000;
  private static final int MAX_DEPTH = 32;

  private final LedgerNegatives n;

  private LedgerSubmissionNegatives(LedgerNegatives n) {
    this.n = n;
  }

  static void write(LedgerNegatives n) {
    LedgerSubmissionNegatives s = new LedgerSubmissionNegatives(n);
    s.fields();
    s.payloads();
    s.metaAndLinks();
    s.documents();
  }

  private void fields() {
    for (String f : List.of("format", "time", "actor", "action", "severity", "payload", "salt")) {
      edit(f + " missing", o -> o.remove(f), f);
    }
    edit("unknown field", o -> o.put("comment", "hello"), "comment");
    set("unknown format", "format", "tlog-event/2", "format");
    n.bad("a clock mark", SUBMISSION, EventCodec.clockEntry(0), "format");
    set("unknown severity", "severity", "fatal", "severity");
    set("severity in upper case", "severity", "INFO", "severity");
    edit("severity a number", o -> o.put("severity", 3), "severity");
    set("unknown actor kind", "actor", "robot:r2", "actor");
    set("actor without a name", "actor", "agent:", "actor");
    set("actor without a kind", "actor", "planner", "actor");
    set("actor with a newline", "actor", "agent:a\nb", "actor");
    set("actor with a C1 control character", "actor", "agent:a\u0085b", "actor");
    set("actor of 257 characters", "actor", LedgerSubmissions.longestActor() + "x", "actor");
    set("custom action in a reserved namespace", "action", "agent.deploy", "action");
    set("custom action in the tlog namespace", "action", "tlog.checkpoint", "action");
    set("action in upper case", "action", "Acme.Deploy", "action");
    set("action of one segment", "action", "deploy", "action");
    set("action of five segments", "action", "acme.a.b.c.d", "action");
    set("action of 129 characters", "action", LedgerSubmissions.longestAction() + "d", "action");
    String[][] times = {
      {"time with 3 fractional digits", "2026-11-29T14:02:03.000Z"},
      {"time without fraction", "2026-11-29T14:02:03Z"},
      {"time with an offset", "2026-11-29T15:02:03.000000001+01:00"},
      {"time in lower case", "2026-11-29t14:02:03.000000001z"},
      {"time in 1969", "1969-12-31T23:59:59.999999999Z"},
      {"time after 2262-04-11T23:47:16.854775807Z", "2262-04-11T23:47:16.854775808Z"},
      {"time on a leap second", "2016-12-31T23:59:60.000000000Z"},
      {"time on February 30", "2026-02-30T00:00:00.000000000Z"},
    };
    for (String[] t : times) {
      set(t[0], "time", t[1], "time");
    }
    edit("time a number", o -> o.put("time", 1_796_000_000), "time");
    String salt = n.base().salt().toHex();
    set("salt of 31 bytes", "salt", salt.substring(2), "salt");
    set("salt of 33 bytes", "salt", salt + "00", "salt");
    set("salt in upper case", "salt", salt.toUpperCase(), "salt");
    set("salt not hex", "salt", "g" + salt.substring(1), "salt");
  }

  private void payloads() {
    payload("required payload field missing", p -> p.remove("tool"), "payload.tool");
    payload("required payload field null", p -> p.putNull("tool"), "payload.tool");
    edit(
        "second required payload field missing",
        o -> {
          o.put("action", "config.change");
          o.set("payload", n.object().put("old_hash", "5d41402a"));
        },
        "payload.new_hash");
    edit("payload an array", o -> o.putArray("payload"), "payload");
    edit("payload a string", o -> o.put("payload", "{}"), "payload");
    edit("payload null", o -> o.putNull("payload"), "payload");
    String sub = n.submission();
    String[][] texts = {
      {"duplicate member name", "{\"actor\":\"agent:other\"," + sub.substring(1)},
      {"duplicate member name in the payload", member(sub, "\"tool\":\"rm\"")},
      {"integer beyond 2^53", member(sub, "\"n\":9007199254740993")},
      {"negative integer beyond 2^53", member(sub, "\"n\":-9007199254740993")},
      {"integer -2^63", member(sub, "\"n\":-9223372036854775808")},
      {"double that canonicalises to an integer beyond 2^53", member(sub, "\"n\":1e16")},
      {"number beyond the double range", member(sub, "\"n\":1e400")},
      {"payload nested 32 deep", member(sub, "\"n\":" + nested(MAX_DEPTH))},
      {"lone surrogate escape", member(sub, "\"n\":\"\\ud800\"")},
    };
    for (String[] t : texts) {
      n.bad(t[0], SUBMISSION, t[1], "(document)");
    }
    accepted(member(sub, "\"n\":" + nested(MAX_DEPTH - 1)));
    String blob =
        "x".repeat(MAX_PAYLOAD_BYTES - payloadBytes("{\"tool\":\"shell\",\"blob\":\"\"}"));
    accepted(n.editedPayload(p -> p.removeAll().put("tool", "shell").put("blob", blob)));
    payload(
        "payload of 60001 bytes",
        p -> p.removeAll().put("tool", "shell").put("blob", blob + "x"),
        "payload");
  }

  private void metaAndLinks() {
    edit("meta empty", o -> o.putObject("meta"), "meta");
    meta("meta value not a string", m -> m.put("host", 1), "meta.host");
    meta("meta key with a space", m -> m.put("bad key", "x"), "meta");
    meta("meta key of 65 characters", m -> m.put("K".repeat(65), "x"), "meta");
    meta(
        "meta with 65 keys",
        m -> {
          for (int i = 0; i < 64; i++) {
            m.put(String.format("k%02d", i), "v");
          }
        },
        "meta");
    meta("meta value of 1025 characters", m -> m.put("host", "v".repeat(1025)), "meta.host");
    edit("links empty", o -> o.putObject("links"), "links");
    links("link not in the list", l -> l.put("parent", "x"), "links");
    links("link cause not a leaf hash", l -> l.put("cause", "abc"), "links.cause");
    links(
        "link session of 257 characters", l -> l.put("session", "s".repeat(257)), "links.session");
  }

  private void documents() {
    String sub = n.submission();
    String[][] texts = {
      {"an array", "[" + sub + "]"},
      {"not JSON", "tlog-event/1 agent:planner agent.tool_call"},
      {"empty", ""},
      {"truncated", sub.substring(0, sub.length() / 2)},
      {"trailing content", sub + "{}"},
      {"a comment", "/* note */" + sub},
      {"byte order mark", "\ufeff" + sub},
      {
        "unescaped control character",
        LedgerNegatives.once(sub, "agent:planner", "agent:plan\u0001ner")
      },
    };
    for (String[] t : texts) {
      n.bad(t[0], SUBMISSION, t[1], "(document)");
    }
    String[][] bytes = {
      {"not UTF-8: byte ff", "ff"},
      {"not UTF-8: overlong encoding of /", "c0af"},
      {"not UTF-8: encoded surrogate U+D800", "eda080"},
    };
    for (String[] b : bytes) {
      n.bad(b[0], SUBMISSION, LedgerNegatives.spliced(sub, "agent:plan", b[1]), "(document)");
    }
  }

  private void edit(String name, Consumer<ObjectNode> edit, String field) {
    n.bad(name, SUBMISSION, n.edited(edit), field);
  }

  private void set(String name, String member, String value, String field) {
    edit(name, o -> o.put(member, value), field);
  }

  private void payload(String name, Consumer<ObjectNode> edit, String field) {
    n.bad(name, SUBMISSION, n.editedPayload(edit), field);
  }

  private void meta(String name, Consumer<ObjectNode> edit, String field) {
    edit(name, o -> edit.accept((ObjectNode) o.get("meta")), field);
  }

  private void links(String name, Consumer<ObjectNode> edit, String field) {
    edit(name, o -> edit.accept((ObjectNode) o.get("links")), field);
  }

  /** {@code sub} with {@code member} first in its payload. */
  private static String member(String sub, String member) {
    return LedgerNegatives.once(sub, "\"payload\":{", "\"payload\":{" + member + ",");
  }

  private static String nested(int arrays) {
    return "[".repeat(arrays) + "]".repeat(arrays);
  }

  /** Canonical UTF-8 size of the payload {@code json} (with the tool call's salt and fields). */
  private static int payloadBytes(String json) {
    Event e =
        Event.builder()
            .timeNanos(0)
            .actor("agent:x")
            .action("agent.tool_call")
            .payload(json)
            .salt(LedgerVectors.salt("size probe"))
            .build();
    return LedgerVectors.utf8(e.payload()).length;
  }

  /** Stops the generator unless {@code submission} is valid: the limit is where we say. */
  private static void accepted(String submission) {
    accepted(LedgerVectors.utf8(submission));
  }

  private static void accepted(byte[] submission) {
    try {
      EventCodec.parseSubmission(submission);
    } catch (EventFormatException e) {
      throw new IllegalStateException("a submission just inside a limit was refused", e);
    }
  }
}
