package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.ActionTypes;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes spec/vectors/ledger/ledger.json: ledger events (spec/ledger.md) from submission to entry,
 * payload record and leaf hash, clock marks, and invalid submissions, entries and payload records
 * ({@link LedgerNegatives}), each labelled with the field its rejection names.
 */
public final class LedgerVectors {
  static final String FILE = "ledger/ledger.json";
  static final String SALTS = "SHA-256(\"tlog vector key ledger salt <name>\")";
  private static final long T0 = EventTime.parse("time", "2026-11-29T14:02:03.000000001Z");

  private LedgerVectors() {}

  /** The salt of the event named {@code name}: {@link #SALTS}. */
  static Hash salt(String name) {
    return Hash.of(Seeds.keySeed("ledger salt " + name));
  }

  public static void writeAll(VectorWriter w) {
    ObjectNode root = w.object();
    root.put(
        "description",
        "Ledger formats (spec/ledger.md). events: parse submission (the bytes an appender sent,"
            + " any formatting); the event's canonical payload is payload and its time time_nanos;"
            + " the log commits entry (RFC 8785 canonical JSON) and stores payload_record;"
            + " payload_sha256 = SHA-256(salt || payload), leaf_hash = SHA-256(0x00 || entry)."
            + " Parsing entry and payload_record gives the same event, and the record's commitment"
            + " matches the entry. Salts are "
            + SALTS
            + ". clock_marks: the entry of a clock mark at time_nanos and its leaf hash. invalid:"
            + " input (UTF-8 text, or input_hex for bytes that are not UTF-8) parsed as parse says"
            + " (submission, entry or payload_record; commitment: parse input as a payload record"
            + " and check it against entry) must fail with error, naming field: the JSON field at"
            + " fault, payload.<name> for a missing required payload field, (document) when the"
            + " whole document is (not JSON, not UTF-8, duplicate names, numbers beyond 2^53,"
            + " nesting, not canonical); format is checked before the other fields, so a document"
            + " of another format fails on format; with several unknown fields, the first in"
            + " document order.");
    ArrayNode events = root.putArray("events");
    Event toolCall = writeEvents(events);
    ArrayNode marks = root.putArray("clock_marks");
    mark(marks, "first mark", T0);
    mark(marks, "epoch", 0);
    mark(marks, "last nanosecond of 2262", Long.MAX_VALUE);
    root.set("invalid", LedgerNegatives.cases(w, toolCall, salt("other")));
    w.write(FILE, root);
  }

  /** Writes the valid events; returns the tool call, which the negative cases mutate. */
  private static Event writeEvents(ArrayNode out) {
    Event toolCall =
        event("agent.tool_call", 0)
            .actor("agent:planner")
            .severity(Severity.WARNING)
            .payload(
                "{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"ls -l /var/log\"},"
                    + "\"result\":\"ok\",\"duration_ms\":12.5}")
            .meta("host", "db-1")
            .link("session", "s-42")
            .build();
    ok(out, "agent.tool_call", EventCodec.submission(toolCall));
    Event crash = null;
    for (Object[] c : builtIns()) {
      String action = (String) c[0];
      Event.Builder b =
          event(action, out.size())
              .actor((String) c[1])
              .severity((Severity) c[2])
              .payload((String) c[3]);
      if (action.equals("watchdog.recovery")) {
        // links.cause: the leaf hash of the crash this recovery answers
        b.link("cause", TreeHasher.leafHash(EventCodec.entry(crash)).toHex());
      }
      Event e = b.build();
      ok(out, action, EventCodec.submission(e));
      crash = action.equals("process.crash") ? e : crash;
    }
    ok(
        out,
        "custom namespace, meta and every link",
        EventCodec.submission(
            event("acme.deploy", out.size())
                .actor("service:ci")
                .payload("{\"version\":\"1.4.3\",\"canary\":false}")
                .meta("env", "prod")
                .meta("region", "eu-west-1")
                .link("cause", TreeHasher.leafHash(EventCodec.entry(toolCall)).toHex())
                .link("session", "deploy-7731")
                .link("incident", "INC-2026-0042")
                .build()));
    ok(
        out,
        "custom four-segment action",
        EventCodec.submission(
            event("acme.ci-2.deploy_v2.start", out.size())
                .actor("user:bob")
                .severity(Severity.DEBUG)
                .payload("{}")
                .build()));
    LedgerSubmissions.writeHandWritten(out, T0 + out.size() * 1_000_000_001L);
    byte[] again = ok(out, "agent.tool_call reformatted", LedgerSubmissions.toolCall(toolCall));
    if (!Arrays.equals(again, EventCodec.entry(toolCall))) {
      throw new IllegalStateException("reformatted tool call: entry differs");
    }
    ok(
        out,
        "earliest time",
        EventCodec.submission(
            event("resource.snapshot", 0)
                .timeNanos(0)
                .actor("system:boot")
                .payload("{\"uptime_s\":0}")
                .build()));
    ok(
        out,
        "latest time",
        EventCodec.submission(
            event("resource.snapshot", 0)
                .timeNanos(Long.MAX_VALUE)
                .actor("system:clock")
                .payload("{\"note\":\"the last nanosecond a signed 64-bit count holds\"}")
                .build()));
    LedgerSubmissions.writeAtLimits(out, T0);
    requireEveryBuiltIn(out);
    return toolCall;
  }

  /**
   * One event of each built-in action type but agent.tool_call: action, actor, severity, payload.
   */
  private static Object[][] builtIns() {
    return new Object[][] {
      {"process.start", "system:init", Severity.INFO, "{\"process\":\"tlog-server\",\"pid\":4242}"},
      {"process.stop", "system:init", Severity.INFO, "{\"process\":\"tlog-server\",\"exit\":0}"},
      {
        "process.crash",
        "system:init",
        Severity.CRITICAL,
        "{\"process\":\"worker-3\",\"signal\":\"SIGSEGV\",\"core\":null}"
      },
      {"watchdog.recovery", "service:watchdog", Severity.NOTICE, "{\"process\":\"worker-3\"}"},
      {
        "config.change",
        "user:alice",
        Severity.NOTICE,
        "{\"old_hash\":\"5d41402a\",\"new_hash\":\"7d793037\",\"diff\":\"-a: 1\\n+a: 2\\n\"}"
      },
      {"system.rollback", "agent:remediator", Severity.WARNING, "{\"target\":\"v1.4.2\"}"},
      {"ssh.session", "user:root", Severity.NOTICE, "{\"user\":\"root\",\"from\":\"192.0.2.7\"}"},
      {"secret.access", "service:migrate", Severity.NOTICE, "{\"secret\":\"db/password\"}"},
      {"mesh.connection", "service:node-a", Severity.DEBUG, "{\"peer\":\"node-b\",\"tls\":true}"},
      {"health.check", "service:probe", Severity.INFO, "{\"status\":\"ok\",\"latency_ms\":3}"},
      {"resource.snapshot", "system:metrics", Severity.DEBUG, "{}"},
      {
        "evidence.collection",
        "service:auditd",
        Severity.INFO,
        "{\"collector\":\"auditd\",\"status\":\"complete\",\"files\":[\"a.log\",\"b.log\"]}"
      },
      {
        "evidence.missed",
        "service:scheduler",
        Severity.ERROR,
        "{\"collector\":\"auditd\",\"due\":\"2026-11-29T14:00:00.000000000Z\"}"
      },
      {
        "evidence.schedule",
        "system:tlog-evidence",
        Severity.NOTICE,
        "{\"collectors\":[{\"kind\":\"files\",\"name\":\"auditd\",\"schedule\":\"hourly\","
            + "\"timeout_ms\":60000}],\"config_sha256\":"
            + "\"0b5d5b1c4b4b4bd0bd6a76b4d1d1a4f30f5c6e0e3a4b0e2d5d8b7c1e9f2a3b4c\"}"
      },
      {
        "evidence.report",
        "user:auditor",
        Severity.NOTICE,
        "{\"framework\":\"soc2\",\"from\":\"2026-11-01T00:00:00.000000000Z\","
            + "\"report_sha256\":"
            + "\"4f2a1e5c6b7d8e9f00112233445566778899aabbccddeeff0011223344556677\","
            + "\"to\":\"2026-11-29T00:00:00.000000000Z\"}"
      },
    };
  }

  /** A builder for {@code action} with the salt of that name, {@code i} seconds after T0. */
  static Event.Builder event(String action, int i) {
    return Event.builder().timeNanos(T0 + i * 1_000_000_001L).action(action).salt(salt(action));
  }

  /**
   * Adds a valid case: parses {@code submission} and writes what the log derives from it, after
   * checking that the entry and payload record parse back to the same event. Returns the entry.
   */
  static byte[] ok(ArrayNode out, String name, byte[] submission) {
    Event e = EventCodec.parseSubmission(submission);
    byte[] entry = EventCodec.entry(e);
    byte[] record = EventCodec.payloadRecord(e);
    LedgerEntry.EventEntry parsed = (LedgerEntry.EventEntry) EventCodec.parseEntry(entry);
    EventCodec.parsePayloadRecord(record).checkAgainst(parsed);
    if (!e.equals(EventCodec.parseSubmission(EventCodec.submission(e)))) {
      throw new IllegalStateException(name + ": submission does not round-trip");
    }
    ObjectNode c = out.addObject();
    c.put("name", name);
    c.put("submission", utf8(submission));
    c.put("time_nanos", Long.toString(e.timeNanos()));
    c.put("payload", e.payload());
    c.put("entry", utf8(entry));
    c.put("payload_record", utf8(record));
    c.put("payload_sha256", e.payloadHash().toHex());
    c.put("leaf_hash", TreeHasher.leafHash(entry).toHex());
    return entry;
  }

  private static void mark(ArrayNode out, String name, long nanos) {
    byte[] entry = EventCodec.clockEntry(nanos);
    if (!new LedgerEntry.ClockMark(nanos).equals(EventCodec.parseEntry(entry))) {
      throw new IllegalStateException(name + ": clock mark does not parse back");
    }
    out.addObject()
        .put("name", name)
        .put("time_nanos", Long.toString(nanos))
        .put("entry", utf8(entry))
        .put("leaf_hash", TreeHasher.leafHash(entry).toHex());
  }

  private static void requireEveryBuiltIn(ArrayNode events) {
    Set<String> seen = new TreeSet<>();
    events.forEach(c -> seen.add(c.get("name").asText()));
    if (!seen.containsAll(ActionTypes.BUILT_IN.keySet())) {
      throw new IllegalStateException("a built-in action type has no vector");
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
