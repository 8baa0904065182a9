package dev.tlog.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.ledger.VerifiedEvent;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.merkle.ledger.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Tables and JSON of ledger events for the investigation commands. */
final class LedgerOutput {
  private static final int DETAILS = 60;

  private LedgerOutput() {}

  /** An event as JSON: position, hashes, every field, the payload and the exact entry bytes. */
  static ObjectNode eventJson(VerifiedEvent v) {
    LedgerEntry.EventEntry e = v.event();
    ObjectNode n = Output.JSON.createObjectNode();
    n.put("index", v.index())
        .put("leaf_hash", v.leafHash().toHex())
        .put("chain_hash", v.chainHash() == null ? null : v.chainHash().toHex())
        .put("time", EventTime.format(e.timeNanos()))
        .put("received", EventTime.format(v.received()))
        .put("received_verified", v.receivedVerified())
        .put("actor", e.actor())
        .put("action", e.action())
        .put("severity", e.severity().label());
    ObjectNode meta = n.putObject("meta");
    e.meta().forEach(meta::put);
    ObjectNode links = n.putObject("links");
    e.links().forEach(links::put);
    if (v.payload().isPresent()) {
      try {
        n.set("payload", Output.JSON.readTree(v.payload().get().payload()));
      } catch (JsonProcessingException ex) {
        throw new IllegalStateException("a verified payload is JSON", ex);
      }
    } else {
      n.putNull("payload");
    }
    n.put("payload_sha256", e.payloadHash().toHex())
        .put("entry", new String(v.entry(), StandardCharsets.UTF_8));
    return n;
  }

  static ArrayNode eventsJson(List<VerifiedEvent> events) {
    ArrayNode a = Output.JSON.createArrayNode();
    events.forEach(e -> a.add(eventJson(e)));
    return a;
  }

  static ObjectNode filterJson(EventFilter f) {
    ObjectNode n = Output.JSON.createObjectNode();
    if (!f.time().isAll()) {
      n.put("time_from", EventTime.format(f.time().from()));
      if (f.time().to() != Long.MAX_VALUE) {
        n.put("time_to", EventTime.format(f.time().to()));
      }
    }
    if (!f.received().isAll()) {
      n.put("received_from", EventTime.format(f.received().from()));
      if (f.received().to() != Long.MAX_VALUE) {
        n.put("received_to", EventTime.format(f.received().to()));
      }
    }
    if (!f.actors().isEmpty()) {
      f.actors().forEach(n.putArray("actors")::add);
    }
    if (!f.actions().isEmpty()) {
      f.actions().forEach(n.putArray("actions")::add);
    }
    if (!f.severities().isEmpty()) {
      ArrayNode s = n.putArray("severities");
      f.severities().forEach(v -> s.add(v.label()));
    }
    f.minSeverity().ifPresent(s -> n.put("min_severity", s.label()));
    if (!f.meta().isEmpty()) {
      ObjectNode m = n.putObject("meta");
      f.meta().forEach(m::put);
    }
    if (f.hasText()) {
      n.put("text", f.text());
    }
    return n;
  }

  /** A time to the millisecond for tables. */
  static String time(long nanos) {
    Instant t = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The payload, abbreviated, or why it is missing. */
  static String details(VerifiedEvent v) {
    if (v.payload().isEmpty()) {
      return "(payload erased)";
    }
    String p = v.payload().get().payload();
    return p.length() <= DETAILS ? p : p.substring(0, DETAILS - 3) + "...";
  }

  /** The standard event table. */
  static void table(Output out, List<VerifiedEvent> events) {
    table(
        out,
        events,
        List.of("INDEX", "TIME", "ACTOR", "ACTION", "SEVERITY", "PAYLOAD"),
        List.of(
            e -> Long.toString(e.index()),
            e -> time(e.event().timeNanos()),
            e -> e.event().actor(),
            e -> e.event().action(),
            e -> e.event().severity().label(),
            LedgerOutput::details));
  }

  /** A table with aligned columns; the last column is not padded. */
  static <T> void table(
      Output out, List<T> rows, List<String> headers, List<Function<T, String>> columns) {
    List<String[]> cells = new ArrayList<>();
    cells.add(headers.toArray(String[]::new));
    for (T r : rows) {
      String[] c = new String[columns.size()];
      for (int i = 0; i < c.length; i++) {
        c[i] = columns.get(i).apply(r);
      }
      cells.add(c);
    }
    int[] width = new int[headers.size()];
    for (String[] c : cells) {
      for (int i = 0; i < c.length; i++) {
        width[i] = Math.max(width[i], c[i].length());
      }
    }
    for (String[] c : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < c.length; i++) {
        line.append(i == c.length - 1 ? c[i] : String.format("%-" + width[i] + "s  ", c[i]));
      }
      out.line(line.toString().stripTrailing());
    }
  }
}
