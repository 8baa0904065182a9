package dev.tlog.ledger.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The Lucene document of one log entry (spec/ledger.md, "Queries"; field names in {@link
 * EventFields}). An event's document holds its index, receive time, time, actor, action, severity
 * and meta as exact values, and its payload and meta values as analyzed text ({@link
 * EventAnalyzer}); a clock mark's document holds its index and time only, so that receive-time
 * windows can be found in the index.
 *
 * <p>Payload values (strings, numbers, booleans; arrays are walked, nulls skipped) all go into
 * {@link EventFields#TEXT}. The first {@value #MAX_PAYLOAD_FIELDS} distinct value paths of a
 * payload (depth first in canonical key order, each at most {@value #MAX_PATH_CHARS} characters)
 * are also indexed on their own as {@code payload.<path>}, so that {@code field:word} can name
 * them; the limit keeps one payload from adding thousands of fields to the index. Pure and
 * thread-safe.
 */
public final class EventDocuments {
  /** Payload paths indexed as fields of their own, per event. */
  public static final int MAX_PAYLOAD_FIELDS = 64;

  /** Longest payload path indexed as a field of its own. */
  public static final int MAX_PATH_CHARS = 128;

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventDocuments() {}

  /**
   * The document of entry {@code index}. {@code payload} is the event's payload record (empty when
   * erased; ignored for clock marks) and must belong to the entry ({@link
   * PayloadRecord#checkAgainst}, else {@link dev.tlog.merkle.ledger.EventFormatException}). {@code
   * received} is {@code received(index)}, or negative when no clock mark precedes the entry.
   */
  public static Document document(
      long index, LedgerEntry entry, Optional<PayloadRecord> payload, long received) {
    Document d = new Document();
    addLong(d, EventFields.INDEX, index);
    if (entry instanceof LedgerEntry.ClockMark mark) {
      d.add(new StringField(EventFields.KIND, EventFields.KIND_CLOCK, Field.Store.NO));
      addLong(d, EventFields.RECEIVED, mark.nanos());
      return d;
    }
    LedgerEntry.EventEntry e = (LedgerEntry.EventEntry) entry;
    d.add(new StringField(EventFields.KIND, EventFields.KIND_EVENT, Field.Store.NO));
    if (received >= 0) {
      addLong(d, EventFields.RECEIVED, received);
    }
    addLong(d, EventFields.TIME, e.timeNanos());
    d.add(new KeywordField(EventFields.ACTOR, e.actor(), Field.Store.NO));
    d.add(new KeywordField(EventFields.ACTION, e.action(), Field.Store.NO));
    d.add(new KeywordField(EventFields.SEVERITY, e.severity().label(), Field.Store.NO));
    for (Map.Entry<String, String> m : e.meta().entrySet()) {
      d.add(
          new StringField(
              EventFields.META, EventFields.metaTerm(m.getKey(), m.getValue()), Field.Store.NO));
      d.add(new TextField(EventFields.TEXT, m.getValue(), Field.Store.NO));
    }
    if (payload.isPresent()) {
      payload.get().checkAgainst(e);
      addPayload(d, payload.get().payload());
    }
    return d;
  }

  private static void addLong(Document d, String field, long value) {
    d.add(new LongPoint(field, value));
    d.add(new NumericDocValuesField(field, value));
  }

  private static void addPayload(Document d, String canonicalJson) {
    JsonNode root;
    try {
      root = JSON.readTree(canonicalJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("payload is not JSON: " + e.getOriginalMessage(), e);
    }
    walk(d, root, "", new HashSet<>());
  }

  private static void walk(Document d, JsonNode node, String path, Set<String> paths) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        walk(d, f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), paths);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        walk(d, child, path, paths);
      }
    } else if (!node.isNull()) {
      String value = node.asText();
      d.add(new TextField(EventFields.TEXT, value, Field.Store.NO));
      if (!path.isEmpty()
          && path.length() <= MAX_PATH_CHARS
          && (paths.contains(path) || paths.size() < MAX_PAYLOAD_FIELDS)) {
        paths.add(path);
        d.add(new TextField(EventFields.PAYLOAD_PREFIX + path, value, Field.Store.NO));
      }
    }
  }
}
