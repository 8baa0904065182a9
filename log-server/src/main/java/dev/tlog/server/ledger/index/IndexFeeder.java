package dev.tlog.server.ledger.index;

import dev.tlog.ledger.query.EventDocuments;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import dev.tlog.server.storage.LogReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;

/**
 * Reads log entries with their payload records from storage and adds their documents to the index,
 * tracking the receive clock: {@code received(i)} is the time of the last clock mark at an index
 * {@code <= i} (spec/ledger.md, "The receive clock"). Entries the log should never have accepted
 * are logged and left out; a payload record that does not belong to its entry is logged and its
 * event indexed without payload, so the damage shows instead of hiding the event.
 *
 * <p>Threading: called by the one thread that feeds a {@link LedgerIndex}.
 */
final class IndexFeeder {
  /** Entries read in one storage read transaction. */
  static final int CHUNK = 2048;

  private static final System.Logger LOG = System.getLogger(IndexFeeder.class.getName());

  private IndexFeeder() {}

  /**
   * Indexes entries {@code [state.covered(), end)} read through {@code log} (at most {@link #CHUNK}
   * of them; {@code end} is clipped) and returns the state after them.
   */
  static IndexState feed(LogReader log, LedgerIndex index, IndexState state, long end) {
    long start = state.covered();
    long stop = Math.min(end, Math.min(log.size(), start + CHUNK));
    if (stop <= start) {
      return state;
    }
    List<byte[]> entries = log.entries(start, stop);
    List<Document> docs = new ArrayList<>(entries.size());
    long clock = state.clock();
    for (int k = 0; k < entries.size(); k++) {
      long i = start + k;
      LedgerEntry entry;
      try {
        entry = EventCodec.parseStoredEntry(entries.get(k));
      } catch (EventFormatException e) {
        LOG.log(
            System.Logger.Level.ERROR,
            "ledger index: entry "
                + i
                + " is not a ledger entry ("
                + e.getMessage()
                + "); left out");
        continue;
      }
      if (entry instanceof LedgerEntry.ClockMark mark) {
        clock = mark.nanos();
      }
      docs.add(document(log, i, entry, clock));
    }
    index.add(docs);
    return state.advance(stop, clock, log.chainHash(stop - 1));
  }

  private static Document document(LogReader log, long i, LedgerEntry entry, long clock) {
    if (!(entry instanceof LedgerEntry.EventEntry)) {
      return EventDocuments.document(i, entry, Optional.empty(), clock);
    }
    try {
      Optional<PayloadRecord> payload =
          log.payloadRecord(i).map(EventCodec::parseStoredPayloadRecord);
      return EventDocuments.document(i, entry, payload, clock);
    } catch (EventFormatException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "ledger index: payload record of entry "
              + i
              + " is damaged ("
              + e.getMessage()
              + "); indexed without its payload");
      return EventDocuments.document(i, entry, Optional.empty(), clock);
    }
  }
}
