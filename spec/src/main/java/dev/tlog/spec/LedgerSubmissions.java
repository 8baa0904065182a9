package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.merkle.ledger.Severity;

/**
 * The valid ledger vectors written by hand, as an appender other than ours might send them
 * (escapes, number forms, whitespace, member order), and those at every limit of spec/ledger.md.
 */
final class LedgerSubmissions {
  private LedgerSubmissions() {}

  /** Strings, escapes and numbers RFC 8785 normalises. */
  static void writeHandWritten(ArrayNode out, long time) {
    LedgerVectors.ok(
        out,
        "unicode and escapes",
        json(
            "{\n"
                + "  'format': 'tlog-event/1',\n"
                + "  'time': '"
                + EventTime.format(time)
                + "',\n"
                + "  'actor': 'user:j\\u00fcrgen',\n"
                + "  'action': 'acme.note',\n"
                + "  'severity': 'info',\n"
                + "  'payload': {\n"
                + "    'text': 'caf\\u00e9 \\ud83d\\ude00 \\'quoted\\' back\\\\slash \\/ slash',\n"
                + "    'controls': 'tab\\tnewline\\nnul\\u0000 unit\\u001F del\u007f c1\u0085',\n"
                + "    'separators': '\\u2028\\u2029',\n"
                + "    'nfd': 'ne\\u0301e',\n"
                + "    'empty': '',\n"
                + "    '\u20ac': 'after the ASCII keys',\n"
                + "    '\\ufb33': 'U+FB33: last by UTF-16 code units, before U+1F600 by code"
                + " points',\n"
                + "    '\\ud83d\\ude00': 'U+1F600 (UTF-16 D83D DE00)'\n"
                + "  },\n"
                + "  'meta': {'city': 'Z\u00fcrich', 'note': 'tab\\there'},\n"
                + "  'salt': '"
                + LedgerVectors.salt("unicode and escapes").toHex()
                + "'\n"
                + "}\n"));
    LedgerVectors.ok(
        out,
        "numbers",
        json(
            "{'format':'tlog-event/1','time':'"
                + EventTime.format(time + 1_000_000_001L)
                + "','actor':'service:metrics','action':'acme.metrics.sample',"
                + "'severity':'debug','payload':{"
                + "'one':1.0,'thousand':1e3,'negative_zero':-0,'negative_zero_float':-0.0,"
                + "'tenth':0.1,'exp_plus':1.5E+2,'big':1e21,'tiny':5e-7,'millionth':0.000001,"
                + "'below_millionth':0.0000001,'max_safe':9007199254740992,"
                + "'min_safe':-9007199254740992,'pi':3.14159265358979323846,"
                + "'third':0.33333333333333331,'huge':1.7976931348623157e308,'smallest':5e-324,"
                + "'nested':[1.50,{'z':2.0e0,'a':-1E-7}]},'salt':'"
                + LedgerVectors.salt("numbers").toHex()
                + "'}"));
  }

  /** {@code e} (the tool call) pretty-printed with CRLF, members reversed, some escapes. */
  static byte[] toolCall(Event e) {
    return json(
        "{\r\n"
            + "\t'salt' : '"
            + e.salt().toHex()
            + "',\r\n"
            + "\t'links' : { 'session' : 's-42' },\r\n"
            + "\t'payload' : {\r\n"
            + "\t\t'result' : '\\u006fk',\r\n"
            + "\t\t'parameters' : { 'cmd' : 'ls -l \\/var\\/log' },\r\n"
            + "\t\t'duration_ms' : 12.50,\r\n"
            + "\t\t'tool' : 'shell'\r\n"
            + "\t},\r\n"
            + "\t'severity' : 'warning',\r\n"
            + "\t'meta' : { 'host' : 'db-1' },\r\n"
            + "\t'action' : 'agent.tool_call',\r\n"
            + "\t'actor' : 'agent:planner',\r\n"
            + "\t'time' : '"
            + EventTime.format(e.timeNanos())
            + "',\r\n"
            + "\t'format' : 'tlog-event/1'\r\n"
            + "}\r\n");
  }

  /** Every length and count at its maximum: actor, action, meta keys, values, links. */
  static void writeAtLimits(ArrayNode out, long time) {
    Event.Builder b =
        LedgerVectors.event(longestAction(), 0)
            .timeNanos(time + 86_400_000_000_000L)
            .actor(longestActor())
            .severity(Severity.NOTICE)
            .payload("{}")
            .salt(LedgerVectors.salt("at every limit"))
            .link("session", "s".repeat(256))
            .link("incident", "i".repeat(256));
    for (int i = 0; i < 62; i++) {
      b.meta(String.format("k%02d", i), "v");
    }
    b.meta("K".repeat(64), "longest key");
    b.meta("value", "v".repeat(1024));
    LedgerVectors.ok(out, "at every limit", EventCodec.submission(b.build()));
  }

  /** 128 characters in 4 segments, the first 64 long. */
  static String longestAction() {
    return "acme" + "a".repeat(60) + "." + "b".repeat(40) + "." + "c".repeat(20) + ".d";
  }

  /** 256 characters; 507 bytes of UTF-8 (the limit counts characters). */
  static String longestActor() {
    return "user:" + "\u00e9".repeat(251);
  }

  /** {@code text} with every ' turned into ", as UTF-8. */
  static byte[] json(String text) {
    return LedgerVectors.utf8(text.replace('\'', '"'));
  }
}
