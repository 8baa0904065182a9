package dev.tlog.server.ledger.query;

import dev.tlog.ledger.query.EventFields;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.integrate.ReceiveClock;
import dev.tlog.server.ledger.index.LedgerIndex;
import dev.tlog.server.read.Uint64;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.util.List;
import java.util.OptionalLong;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * GetWindow (spec/ledger.md, "Complete windows"): the clock marks that bound a receive-time window
 * in the tree of the latest signed checkpoint, found in the index for {@code [0, covered)} and by
 * reading storage for any part of the log the index does not cover yet. The answer needs no trust:
 * the client checks the marks against the checkpoint.
 */
public final class WindowFinder {
  /** Entries read per storage scan step. */
  private static final int SCAN_CHUNK = 1024;

  /** First index range searched backwards for the mark before a window; grows 16-fold. */
  private static final long FIRST_BACK_RANGE = 4096;

  private final LedgerIndex index;
  private final LogStorage storage;
  private final CheckpointFeed signed;
  private final long waitMillis;

  /**
   * Answers from {@code index} and {@code storage}, bounded by {@code signed}; a request waits up
   * to {@code waitMillis} for the index to cover the checkpoint it is bounded by.
   */
  public WindowFinder(
      LedgerIndex index, LogStorage storage, CheckpointFeed signed, long waitMillis) {
    this.index = index;
    this.storage = storage;
    this.signed = signed;
    this.waitMillis = waitMillis;
  }

  /**
   * The window {@code [from, to)} of receive times; {@code to == 0} means unbounded. Both are
   * uint64 request values (see {@link Uint64}).
   */
  public Window window(long fromUint64, long toUint64) {
    if (toUint64 != 0 && Uint64.compare(toUint64, fromUint64) < 0) {
      throw new InvalidRequestException(
          "received_to "
              + Uint64.str(toUint64)
              + " is before received_from "
              + Uint64.str(fromUint64)
              + " (0 means no upper bound)");
    }
    long from = Uint64.saturated(fromUint64);
    long to = Uint64.saturated(toUint64);
    SignedCheckpoint cp = signed.current();
    long n = cp.size();
    index.awaitCovered(n, waitMillis);
    try (LedgerIndex.View view = index.view();
        LogReader log = storage.reader()) {
      long covered = Math.min(view.covered(), n);
      Marks marks = new Marks(view, log, covered, n);
      long start = marks.firstAtOrAfter(from);
      long end = to == 0 ? n : marks.firstAtOrAfter(to);
      OptionalLong before = start == 0 ? OptionalLong.empty() : marks.lastBefore(start);
      return new Window(cp, start, end, before);
    }
  }

  /**
   * Clock marks of the tree of size {@code n}: from the index below {@code covered}, else storage.
   */
  private record Marks(LedgerIndex.View view, LogReader log, long covered, long n) {
    /** Index of the first mark with time {@code >= t}, or {@code n}. */
    long firstAtOrAfter(long t) {
      Query q =
          new BooleanQuery.Builder()
              .add(IndexDocs.clockMarks(), BooleanClause.Occur.FILTER)
              .add(
                  LongPoint.newRangeQuery(EventFields.RECEIVED, t, Long.MAX_VALUE),
                  BooleanClause.Occur.FILTER)
              .build();
      ScoreDoc[] hit =
          IndexDocs.top(view.searcher(), IndexDocs.within(q, 0, covered), 1, IndexDocs.BY_INDEX);
      if (hit.length > 0) {
        return IndexDocs.sortedIndex(hit[0]);
      }
      for (long i = covered; i < n; i += SCAN_CHUNK) {
        List<byte[]> entries = log.entries(i, Math.min(n, i + SCAN_CHUNK));
        for (int k = 0; k < entries.size(); k++) {
          long mark = markTime(entries.get(k));
          if (mark >= t) {
            return i + k;
          }
        }
      }
      return n;
    }

    /** Index of the last mark below {@code start}, if any. */
    OptionalLong lastBefore(long start) {
      for (long end = start; end > covered; ) {
        long begin = Math.max(covered, end - SCAN_CHUNK);
        List<byte[]> entries = log.entries(begin, end);
        for (int k = entries.size() - 1; k >= 0; k--) {
          if (markTime(entries.get(k)) >= 0) {
            return OptionalLong.of(begin + k);
          }
        }
        end = begin;
      }
      long end = Math.min(start, covered);
      for (long range = FIRST_BACK_RANGE; ; range *= 16) {
        long begin = Math.max(0, end - range);
        ScoreDoc[] hit =
            IndexDocs.top(
                view.searcher(),
                IndexDocs.within(IndexDocs.clockMarks(), begin, end),
                1,
                IndexDocs.BY_INDEX_DESC);
        if (hit.length > 0) {
          return OptionalLong.of(IndexDocs.sortedIndex(hit[0]));
        }
        if (begin == 0) {
          return OptionalLong.empty();
        }
      }
    }

    /** A clock mark's time, or -1 for any other entry. */
    private static long markTime(byte[] entry) {
      return ReceiveClock.isMark(entry)
          ? ((LedgerEntry.ClockMark) EventCodec.parseEntry(entry)).nanos()
          : -1;
    }
  }
}
