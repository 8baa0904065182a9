package dev.tlog.ledger.query;

import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * Re-applies a filter to one entry without an index on disk: the entry's {@link EventDocuments}
 * document goes into a Lucene {@link MemoryIndex} and the filter's {@link FilterQueries} query runs
 * against it, so the answer is the one the log's index gives by construction. The server uses it to
 * re-check hits against the stored entries, a client to re-apply a filter to a window it fetched
 * itself ({@code --verify-complete}).
 *
 * <p>Immutable and thread-safe; each call builds its own memory index.
 */
public final class EventMatcher {
  private final Query query;

  private EventMatcher(Query query) {
    this.query = query;
  }

  /** A matcher for {@code filter}; {@link FilterException} when the filter's text is malformed. */
  public static EventMatcher of(EventFilter filter) {
    return new EventMatcher(FilterQueries.toQuery(filter));
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
   * received at {@code received} (negative when unknown). Clock marks never match.
   */
  public boolean matches(
      long index, LedgerEntry entry, Optional<PayloadRecord> payload, long received) {
    MemoryIndex memory = new MemoryIndex();
    for (IndexableField f : EventDocuments.document(index, entry, payload, received)) {
      memory.addField(f, FilterQueries.analyzer());
    }
    try {
      return memory.createSearcher().count(query) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("memory index failed", e);
    }
  }
}
