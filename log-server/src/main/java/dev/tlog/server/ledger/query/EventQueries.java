package dev.tlog.server.ledger.query;

import dev.tlog.ledger.query.EventFields;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.EventMatcher;
import dev.tlog.ledger.query.FilterQueries;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.ledger.index.LedgerIndex;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Query and Summarize (spec/ledger.md, "Queries"). Each request is bounded by the signed checkpoint
 * current when it arrives: it waits up to {@value #WAIT_MILLIS} ms (as the server wires it) for the
 * index to cover that size (so an appender sees its own events), then answers for {@code [0,
 * covered)} and says so. Hits come from the index in log order; what is returned is read from
 * storage and re-checked ({@link HitLoader}).
 */
public final class EventQueries {
  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;

  /** Most keys in each count map of a summary (the largest counts are kept). */
  public static final int MAX_SUMMARY_KEYS = 1000;

  /** How long a request waits for the index to reach the checkpoint it is bounded by. */
  public static final long WAIT_MILLIS = 1000;

  private final LedgerIndex index;
  private final LogStorage storage;
  private final CheckpointFeed signed;
  private final long waitMillis;

  /**
   * Answers from {@code index} and {@code storage}, bounded by {@code signed}; a request waits up
   * to {@code waitMillis} for the index to cover the checkpoint it is bounded by.
   */
  public EventQueries(
      LedgerIndex index, LogStorage storage, CheckpointFeed signed, long waitMillis) {
    this.index = index;
    this.storage = storage;
    this.signed = signed;
    this.waitMillis = waitMillis;
  }

  /**
   * Up to {@code pageSize} (0: {@value #DEFAULT_PAGE_SIZE}) events matching {@code filter} at log
   * indexes {@code >= startIndex}, in log order, each with an inclusion proof when asked.
   */
  public QueryPage query(EventFilter filter, long startIndex, int pageSize, boolean withProofs) {
    if (startIndex < 0) {
      throw new InvalidRequestException("start_index must be >= 0, got " + startIndex);
    }
    if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "page_size must be at most "
              + MAX_PAGE_SIZE
              + ", got "
              + Integer.toUnsignedString(pageSize));
    }
    int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize;
    Query query = FilterQueries.toQuery(filter);
    EventMatcher matcher = EventMatcher.of(filter);
    SignedCheckpoint cp = bound();
    try (LedgerIndex.View view = index.view();
        LogReader log = storage.reader()) {
      long covered = Math.min(view.covered(), cp.size());
      if (startIndex >= covered) {
        return new QueryPage(List.of(), cp, covered, startIndex, false);
      }
      ScoreDoc[] hits =
          IndexDocs.top(
              view.searcher(),
              IndexDocs.within(query, startIndex, covered),
              size + 1,
              IndexDocs.BY_INDEX);
      List<LedgerHit> events = new ArrayList<>(Math.min(hits.length, size));
      for (int k = 0; k < Math.min(hits.length, size); k++) {
        long i = IndexDocs.sortedIndex(hits[k]);
        long received =
            IndexDocs.value(view.searcher().getIndexReader(), hits[k].doc, EventFields.RECEIVED);
        HitLoader.load(log, i, received, matcher, withProofs ? cp.size() : 0)
            .ifPresent(events::add);
      }
      boolean more = hits.length > size;
      long next = more ? IndexDocs.sortedIndex(hits[size]) : covered;
      return new QueryPage(events, cp, covered, next, more);
    }
  }

  /** Counts and first and last event of everything {@code filter} matches. */
  public Summary summarize(EventFilter filter) {
    Query query = FilterQueries.toQuery(filter);
    EventMatcher matcher = EventMatcher.of(filter);
    SignedCheckpoint cp = bound();
    try (LedgerIndex.View view = index.view();
        LogReader log = storage.reader()) {
      long covered = Math.min(view.covered(), cp.size());
      SummaryCollector c = new SummaryCollector();
      try {
        view.searcher().search(IndexDocs.within(query, 0, covered), c);
        c.finish();
      } catch (IOException e) {
        throw new StorageException("ledger index: summary failed: " + e, e);
      }
      Optional<LedgerHit> first = Optional.empty();
      Optional<LedgerHit> last = Optional.empty();
      if (c.lastIndex() >= 0) {
        first = HitLoader.load(log, c.firstIndex(), c.firstReceived(), matcher, 0);
        last = HitLoader.load(log, c.lastIndex(), c.lastReceived(), matcher, 0);
      }
      return new Summary(
          c.total(),
          c.counts(SummaryCollector.ACTOR, MAX_SUMMARY_KEYS),
          c.counts(SummaryCollector.ACTION, MAX_SUMMARY_KEYS),
          c.counts(SummaryCollector.SEVERITY, MAX_SUMMARY_KEYS),
          first,
          last,
          cp,
          covered);
    }
  }

  /** The signed checkpoint now, once the index covers it or the wait is over. */
  private SignedCheckpoint bound() {
    SignedCheckpoint cp = signed.current();
    index.awaitCovered(cp.size(), waitMillis);
    return cp;
  }
}
