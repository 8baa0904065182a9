package dev.tlog.merkle.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.EventTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code ledger} object of a {@code tlog-evidence-bundle/v2} (spec/evidence-bundle.md, "Ledger
 * evidence"): fixed fields in a fixed order, times as ledger times (spec/ledger.md, "Times"),
 * indexes as canonical decimal strings. Used only by {@link BundleCodec}, whose byte-for-byte
 * comparison makes the encoding canonical.
 */
final class LedgerEvidenceCodec {
  static final int MAX_FILTER_VALUES = 256;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> FIELDS = List.of("filter", "window", "matches");
  private static final List<String> FILTER_FIELDS =
      List.of(
          "time_from",
          "time_to",
          "received_from",
          "received_to",
          "actors",
          "actions",
          "severities",
          "min_severity",
          "meta",
          "text");
  private static final List<String> WINDOW_FIELDS =
      List.of(
          "received_from",
          "received_to",
          "start",
          "end",
          "mark_before",
          "range_inclusion_proof_hex",
          "range_consistency_proof_hex");

  private LedgerEvidenceCodec() {}

  static ObjectNode tree(LedgerEvidence l) {
    ObjectNode n = NODES.objectNode();
    n.set("filter", filter(l.filter()));
    if (l.window().isPresent()) {
      n.set("window", window(l.window().get()));
    } else {
      n.putNull("window");
    }
    ArrayNode m = n.putArray("matches");
    l.matches().forEach(i -> m.add(Long.toString(i)));
    return n;
  }

  private static ObjectNode filter(LedgerEvidence.Filter f) {
    ObjectNode n = NODES.objectNode();
    time(n, "time_from", f.timeFrom());
    time(n, "time_to", f.timeTo());
    time(n, "received_from", f.receivedFrom());
    time(n, "received_to", f.receivedTo());
    ArrayNode actors = n.putArray("actors");
    f.actors().forEach(actors::add);
    ArrayNode actions = n.putArray("actions");
    f.actions().forEach(actions::add);
    ArrayNode severities = n.putArray("severities");
    f.severities().forEach(severities::add);
    if (f.minSeverity().isPresent()) {
      n.put("min_severity", f.minSeverity().get());
    } else {
      n.putNull("min_severity");
    }
    ObjectNode meta = n.putObject("meta");
    f.meta().forEach(meta::put);
    n.put("text", f.text());
    return n;
  }

  private static void time(ObjectNode n, String field, OptionalLong t) {
    if (t.isPresent()) {
      n.put(field, EventTime.format(t.getAsLong()));
    } else {
      n.putNull(field);
    }
  }

  private static ObjectNode window(LedgerEvidence.Window w) {
    ObjectNode n = NODES.objectNode();
    n.put("received_from", EventTime.format(w.receivedFrom()));
    time(n, "received_to", w.receivedTo());
    n.put("start", Long.toString(w.start())).put("end", Long.toString(w.end()));
    if (w.markBefore().isPresent()) {
      n.put("mark_before", Long.toString(w.markBefore().getAsLong()));
    } else {
      n.putNull("mark_before");
    }
    ArrayNode inc = n.putArray("range_inclusion_proof_hex");
    w.rangeInclusion().forEach(h -> inc.add(h.toHex()));
    ArrayNode con = n.putArray("range_consistency_proof_hex");
    w.rangeConsistency().forEach(h -> con.add(h.toHex()));
    return n;
  }

  static LedgerEvidence fromTree(JsonNode n) {
    BundleCodec.requireFields(n, FIELDS, "ledger");
    LedgerEvidence.Filter filter = filterFrom(n.get("filter"));
    JsonNode w = n.get("window");
    Optional<LedgerEvidence.Window> window =
        w.isNull() ? Optional.empty() : Optional.of(windowFrom(w));
    List<Long> matches = new ArrayList<>();
    for (String s : BundleCodec.strings(n.get("matches"), "matches", BundleCodec.MAX_ENTRIES)) {
      long i = BundleCodec.parseIndex(s);
      if (!matches.isEmpty() && i <= matches.get(matches.size() - 1)) {
        throw new BundleFormatException("matches must be strictly increasing at " + i);
      }
      matches.add(i);
    }
    return new LedgerEvidence(filter, window, matches);
  }

  private static LedgerEvidence.Filter filterFrom(JsonNode n) {
    BundleCodec.requireFields(n, FILTER_FIELDS, "ledger.filter");
    JsonNode meta = n.get("meta");
    if (!meta.isObject() || meta.size() > MAX_FILTER_VALUES) {
      throw new BundleFormatException("ledger.filter.meta is not an object of at most 256 strings");
    }
    SortedMap<String, String> m = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new BundleFormatException("ledger.filter.meta." + e.getKey() + " is not a string");
      }
      m.put(e.getKey(), e.getValue().asText());
    }
    JsonNode min = n.get("min_severity");
    if (!min.isNull() && !min.isTextual()) {
      throw new BundleFormatException("ledger.filter.min_severity is not a string or null");
    }
    return new LedgerEvidence.Filter(
        timeFrom(n, "time_from"),
        timeFrom(n, "time_to"),
        timeFrom(n, "received_from"),
        timeFrom(n, "received_to"),
        BundleCodec.strings(n.get("actors"), "ledger.filter.actors", MAX_FILTER_VALUES),
        BundleCodec.strings(n.get("actions"), "ledger.filter.actions", MAX_FILTER_VALUES),
        BundleCodec.strings(n.get("severities"), "ledger.filter.severities", 6),
        min.isNull() ? Optional.empty() : Optional.of(min.asText()),
        m,
        BundleCodec.text(n, "text"));
  }

  private static LedgerEvidence.Window windowFrom(JsonNode n) {
    BundleCodec.requireFields(n, WINDOW_FIELDS, "ledger.window");
    OptionalLong from = timeFrom(n, "received_from");
    if (from.isEmpty()) {
      throw new BundleFormatException("ledger.window.received_from is missing");
    }
    JsonNode before = n.get("mark_before");
    return new LedgerEvidence.Window(
        from.getAsLong(),
        timeFrom(n, "received_to"),
        BundleCodec.parseIndex(BundleCodec.text(n, "start")),
        BundleCodec.parseIndex(BundleCodec.text(n, "end")),
        before.isNull()
            ? OptionalLong.empty()
            : OptionalLong.of(BundleCodec.parseIndex(BundleCodec.text(n, "mark_before"))),
        hashes(n, "range_inclusion_proof_hex"),
        hashes(n, "range_consistency_proof_hex"));
  }

  private static List<Hash> hashes(JsonNode n, String field) {
    List<Hash> out = new ArrayList<>();
    for (String h :
        BundleCodec.strings(
            n.get(field), "ledger.window." + field, 2 * BundleCodec.MAX_PROOF_HASHES)) {
      out.add(Hash.fromHex(BundleCodec.lowerHex(h)));
    }
    return out;
  }

  private static OptionalLong timeFrom(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v.isNull()) {
      return OptionalLong.empty();
    }
    if (!v.isTextual()) {
      throw new BundleFormatException(field + " is not a time or null");
    }
    try {
      return OptionalLong.of(EventTime.parse(field, v.asText()));
    } catch (EventFormatException e) {
      throw new BundleFormatException(e.getMessage(), e);
    }
  }
}
