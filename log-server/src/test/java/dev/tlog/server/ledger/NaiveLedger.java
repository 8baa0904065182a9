package dev.tlog.server.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetPayloadsRequest;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.LogServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A ledger log read entry by entry through the plain log API, and filters evaluated on it in plain
 * Java: the reference the index must agree with. The text part supports the forms {@link
 * #randomFilter} produces: words (ANDed), {@code -word}, {@code path:word}, {@code "two words"}.
 */
final class NaiveLedger {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One entry as stored, with its receive time computed from the marks before it. */
  record Row(
      long index,
      byte[] entry,
      LedgerEntry parsed,
      Optional<PayloadRecord> payload,
      long received) {}

  final List<Row> rows;

  private NaiveLedger(List<Row> rows) {
    this.rows = rows;
  }

  /** Reads entries {@code [0, size)} and their payload records through the gRPC APIs. */
  static NaiveLedger scan(
      LogServiceGrpc.LogServiceBlockingStub log,
      LedgerServiceGrpc.LedgerServiceBlockingStub ledger,
      long size) {
    List<Row> rows = new ArrayList<>();
    long clock = -1;
    for (long start = 0; start < size; ) {
      long end = Math.min(size, start + 100);
      List<ByteString> payloads =
          ledger
              .getPayloads(GetPayloadsRequest.newBuilder().setStart(start).setEnd(end).build())
              .getPayloadRecordsList();
      Iterator<Entry> it =
          log.getEntries(GetEntriesRequest.newBuilder().setStart(start).setEnd(end).build());
      int k = 0;
      while (it.hasNext()) {
        Entry e = it.next();
        byte[] bytes = e.getData().toByteArray();
        LedgerEntry parsed = EventCodec.parseEntry(bytes);
        if (parsed instanceof LedgerEntry.ClockMark m) {
          clock = m.nanos();
        }
        ByteString p = payloads.get(k++);
        Optional<PayloadRecord> record =
            p.isEmpty()
                ? Optional.empty()
                : Optional.of(EventCodec.parsePayloadRecord(p.toByteArray()));
        rows.add(new Row(e.getIndex(), bytes, parsed, record, clock));
      }
      start += k;
    }
    return new NaiveLedger(rows);
  }

  /** Indexes of the events {@code f} matches among entries {@code [0, below)}, in order. */
  List<Long> matching(EventFilter f, long below) {
    return rows.stream().filter(r -> r.index() < below && matches(f, r)).map(Row::index).toList();
  }

  static boolean matches(EventFilter f, Row row) {
    if (!(row.parsed() instanceof LedgerEntry.EventEntry e)) {
      return false;
    }
    boolean ok =
        f.time().contains(e.timeNanos())
            && (f.received().isAll()
                || row.received() >= 0 && f.received().contains(row.received()))
            && (f.actors().isEmpty() || f.actors().contains(e.actor()))
            && (f.actions().isEmpty() || f.actions().contains(e.action()))
            && (f.severities().isEmpty() || f.severities().contains(e.severity()))
            && f.minSeverity().map(min -> e.severity().compareTo(min) >= 0).orElse(true)
            && f.meta().entrySet().stream()
                .allMatch(m -> m.getValue().equals(e.meta().get(m.getKey())));
    return ok && (!f.hasText() || textMatches(f.text(), e, row.payload()));
  }

  private static boolean textMatches(
      String text, LedgerEntry.EventEntry e, Optional<PayloadRecord> payload) {
    List<String> values = new ArrayList<>(e.meta().values());
    List<String[]> byPath = new ArrayList<>();
    payload.ifPresent(p -> leaves(parse(p.payload()), "", values, byPath));
    for (String term : text.split(" (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      if (term.startsWith("\"")) {
        List<String> phrase = tokens(term.substring(1, term.length() - 1));
        if (values.stream().noneMatch(v -> Collections.indexOfSubList(tokens(v), phrase) >= 0)) {
          return false;
        }
        continue;
      }
      boolean negative = term.startsWith("-");
      String t = negative ? term.substring(1) : term;
      int colon = t.indexOf(':');
      boolean found =
          colon > 0
              ? byPath.stream()
                  .anyMatch(
                      pv ->
                          pv[0].equals(t.substring(0, colon))
                              && tokens(pv[1]).contains(t.substring(colon + 1)))
              : values.stream().anyMatch(v -> tokens(v).contains(t));
      if (found == negative) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void leaves(JsonNode n, String path, List<String> values, List<String[]> byPath) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        leaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), values, byPath);
      }
    } else if (n.isArray()) {
      n.forEach(c -> leaves(c, path, values, byPath));
    } else if (!n.isNull()) {
      values.add(n.asText());
      byPath.add(new String[] {path, n.asText()});
    }
  }

  private static List<String> tokens(String value) {
    return Arrays.stream(value.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /** A random combined filter; times and receive times are drawn from this log's own. */
  EventFilter randomFilter(Random r) {
    EventFilter.Builder b = EventFilter.builder();
    List<Row> events =
        rows.stream().filter(x -> x.parsed() instanceof LedgerEntry.EventEntry).toList();
    if (!events.isEmpty() && r.nextInt(3) == 0) {
      long t = ((LedgerEntry.EventEntry) LedgerEvents.pick(r, events).parsed()).timeNanos();
      b.time(
          t - r.nextInt(2) * 1_000_000L,
          r.nextBoolean() ? Long.MAX_VALUE : t + r.nextInt(400_000) * 1_000_000L);
    }
    if (!rows.isEmpty() && r.nextInt(3) == 0) {
      long from = LedgerEvents.pick(r, rows).received() + r.nextInt(3) - 1;
      long to = LedgerEvents.pick(r, rows).received() + r.nextInt(3) - 1;
      b.received(Math.max(0, Math.min(from, to)), Math.max(from, to));
    }
    if (r.nextInt(3) == 0) {
      b.actor(LedgerEvents.pick(r, LedgerEvents.ACTORS));
      if (r.nextBoolean()) {
        b.actor(LedgerEvents.pick(r, LedgerEvents.ACTORS));
      }
    }
    if (r.nextInt(3) == 0) {
      b.action(LedgerEvents.pick(r, LedgerEvents.ACTIONS));
    }
    if (r.nextInt(4) == 0) {
      b.severity(Severity.values()[r.nextInt(6)]).severity(Severity.values()[r.nextInt(6)]);
    }
    if (r.nextInt(4) == 0) {
      b.minSeverity(Severity.values()[r.nextInt(6)]);
    }
    if (r.nextInt(4) == 0) {
      b.meta(
          LedgerEvents.pick(r, LedgerEvents.META_KEYS), LedgerEvents.pick(r, LedgerEvents.WORDS));
    }
    if (r.nextInt(3) == 0) {
      b.text(randomText(r));
    }
    return b.build();
  }

  private static String randomText(Random r) {
    List<String> terms = new ArrayList<>();
    int n = 1 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      String w = LedgerEvents.pick(r, LedgerEvents.WORDS);
      terms.add(
          switch (r.nextInt(4)) {
            case 0 -> LedgerEvents.pick(r, LedgerEvents.PAYLOAD_PATHS) + ":" + w;
            case 1 -> i == 0 ? w : "-" + w;
            case 2 -> "\"" + w + " " + LedgerEvents.pick(r, LedgerEvents.WORDS) + "\"";
            default -> w;
          });
    }
    return String.join(" ", terms);
  }
}
