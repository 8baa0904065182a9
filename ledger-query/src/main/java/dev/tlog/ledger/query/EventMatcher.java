package dev.tlog.ledger.query;

import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * Re-applies a filter to one entry without an index on disk, giving the answer the log's index
 * gives: the structured conditions are compared directly (the properties of this module show that
 * this equals Lucene's reading of them), and a full-text query runs on the entry's {@link
 * EventDocuments} document in a Lucene {@link MemoryIndex}, with the same analyzer and parser as
 * the index. The server uses it to re-check hits against the stored entries, a client to re-apply a
 * filter to a window it fetched itself ({@code --verify-complete}).
 *
 * <p>Immutable and thread-safe; each full-text check builds its own memory index.
 */
public final class EventMatcher {
  private final EventFilter filter;
  private final Query query;

  private EventMatcher(EventFilter filter, Query query) {
    this.filter = filter;
    this.query = query;
  }

  /** A matcher for {@code filter}; {@link FilterException} when the filter's text is malformed. */
  public static EventMatcher of(EventFilter filter) {
    return new EventMatcher(filter, FilterQueries.toQuery(filter));
  }

  /**
   * Whether {@code filter} matches entry {@code index}; see {@link #matches(long, LedgerEntry,
   * Optional, long)}.
   */
  public static boolean matches(
      EventFilter filter,
      long index,
      LedgerEntry entry,
      Optional<PayloadRecord> payload,
      long received) {
    return of(filter).matches(index, entry, payload, received);
  }

  /**
   * Whether the filter matches entry {@code index} with its payload record (empty when erased),
   * received at {@code received} (negative when unknown). Clock marks never match. A payload record
   * that does not belong to the entry is an {@link dev.tlog.merkle.ledger.EventFormatException}.
   */
  public boolean matches(
      long index, LedgerEntry entry, Optional<PayloadRecord> payload, long received) {
    if (!(entry instanceof LedgerEntry.EventEntry e)) {
      return false;
    }
    payload.ifPresent(p -> p.checkAgainst(e));
    if (!structured(e, received)) {
      return false;
    }
    return !filter.hasText() || inMemory(index, entry, payload, received);
  }

  private boolean structured(LedgerEntry.EventEntry e, long received) {
    if (!filter.time().contains(e.timeNanos())) {
      return false;
    }
    if (!filter.received().isAll() && (received < 0 || !filter.received().contains(received))) {
      return false;
    }
    if (!filter.actors().isEmpty() && !filter.actors().contains(e.actor())) {
      return false;
    }
    if (!filter.actions().isEmpty() && !filter.actions().contains(e.action())) {
      return false;
    }
    if (!filter.allowedSeverities().map(s -> s.contains(e.severity())).orElse(true)) {
      return false;
    }
    for (Map.Entry<String, String> m : filter.meta().entrySet()) {
      if (!m.getValue().equals(e.meta().get(m.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The whole filter, text included, run by Lucene on this one entry's document. */
  boolean inMemory(long index, LedgerEntry entry, Optional<PayloadRecord> payload, long received) {
    MemoryIndex memory = new MemoryIndex();
    for (IndexableField f : EventDocuments.document(index, entry, payload, received)) {
      memory.addField(f, FilterQueries.analyzer());
    }
    try {
      return memory.createSearcher().count(query) > 0;
    } catch (IOException ex) {
      throw new UncheckedIOException("memory index failed", ex);
    }
  }
}
