package dev.tlog.ledger.query;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import dev.tlog.merkle.ledger.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Random events over a small vocabulary, so that random filters often match. */
final class SampleEvents {
  static final List<String> ACTORS =
      List.of("agent:alpha", "agent:beta", "user:carol", "service:db");
  static final List<String> ACTIONS =
      List.of("agent.tool_call", "acme.deploy", "acme.build", "ops.restart");
  static final List<String> WORDS =
      List.of("red", "green", "blue", "disk", "full", "ok", "retry", "42", "ls", "rm");
  static final List<String> META_KEYS = List.of("env", "host", "team");
  static final long T0 = 1_800_000_000_000_000_000L;

  /** One stored entry as the index sees it. */
  record Sample(long index, LedgerEntry entry, Optional<PayloadRecord> payload, long received) {}

  private SampleEvents() {}

  static List<Sample> log(Random r, int n) {
    List<Sample> out = new ArrayList<>();
    long clock = T0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || r.nextInt(4) == 0) {
        clock += 1_000_000L * (1 + r.nextInt(50));
        out.add(new Sample(i, new LedgerEntry.ClockMark(clock), Optional.empty(), clock));
        continue;
      }
      Event e = event(r);
      LedgerEntry entry = EventCodec.parseEntry(EventCodec.entry(e));
      Optional<PayloadRecord> p =
          r.nextInt(10) == 0
              ? Optional.empty()
              : Optional.of(EventCodec.parsePayloadRecord(EventCodec.payloadRecord(e)));
      out.add(new Sample(i, entry, p, clock));
    }
    return out;
  }

  static Event event(Random r) {
    Event.Builder b =
        Event.builder()
            .timeNanos(T0 + r.nextInt(1000) * 1_000_000L)
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
      s.append(",\"count\":").append(r.nextInt(100));
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

  private static Hash salt(Random r) {
    byte[] b = new byte[Hash.SIZE];
    r.nextBytes(b);
    return Hash.of(b);
  }
}
