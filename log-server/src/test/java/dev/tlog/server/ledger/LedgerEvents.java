package dev.tlog.server.ledger;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Random ledger events over a small vocabulary, so that random filters often match. */
final class LedgerEvents {
  static final List<String> ACTORS =
      List.of("agent:alpha", "agent:beta", "user:carol", "service:db", "system:cron");
  static final List<String> ACTIONS =
      List.of("agent.tool_call", "acme.deploy", "acme.build", "ops.restart");
  static final List<String> WORDS =
      List.of("red", "green", "blue", "disk", "full", "ok", "retry", "42", "ls", "rm", "timeout");
  static final List<String> META_KEYS = List.of("env", "host", "team");
  static final List<String> PAYLOAD_PATHS = List.of("tool", "status", "parameters.cmd");

  private LedgerEvents() {}

  /** A random event whose time lies up to 1000 s before {@code now} (within the skew limits). */
  static Event random(Random r, Instant now) {
    Event.Builder b =
        Event.builder()
            .time(now.minusMillis(r.nextInt(1_000_000)))
            .actor(pick(r, ACTORS))
            .action(pick(r, ACTIONS))
            .severity(Severity.values()[r.nextInt(Severity.values().length)])
            .payload(payload(r))
            .salt(salt(r));
    for (String k : META_KEYS) {
      if (r.nextBoolean()) {
        b.meta(k, words(r));
      }
    }
    return b.build();
  }

  private static String payload(Random r) {
    StringBuilder s = new StringBuilder("{\"tool\":\"" + words(r) + "\"");
    if (r.nextBoolean()) {
      s.append(",\"status\":\"").append(words(r)).append('"');
    }
    if (r.nextBoolean()) {
      s.append(",\"parameters\":{\"cmd\":\"").append(words(r)).append("\"}");
    }
    if (r.nextInt(3) == 0) {
      s.append(",\"duration_ms\":").append(r.nextInt(100));
    }
    return s.append('}').toString();
  }

  static String words(Random r) {
    int n = 1 + r.nextInt(3);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : " ").append(pick(r, WORDS));
    }
    return s.toString();
  }

  static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  static Hash salt(Random r) {
    byte[] b = new byte[Hash.SIZE];
    r.nextBytes(b);
    return Hash.of(b);
  }
}
