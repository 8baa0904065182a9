package dev.tlog.client.ledger;

import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifiedRange;
import dev.tlog.client.VerifyingReader;
import dev.tlog.merkle.ledger.LedgerEntry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proves receive times (spec/ledger.md, "The receive clock"): {@code received(i)} is the time of
 * the last clock mark at or before {@code i}, so it is proven by verified entries {@code [m, i]}
 * where {@code m} is a clock mark and nothing in {@code (m, i]} is one. Entries are fetched
 * backwards from {@code i} in growing chunks, each chunk checked as a range against the checkpoint;
 * what was fetched is kept, so events of one batch share one proof. One instance per checkpoint;
 * not thread-safe.
 */
final class ReceiveTimes {
  private static final int FIRST_CHUNK = 64;
  private static final int MAX_CHUNK = 4096;

  private final VerifyingReader reader;
  private final VerifiedCheckpoint cp;
  // Disjoint verified intervals start -> end (exclusive), merged when they touch.
  private final TreeMap<Long, Long> covered = new TreeMap<>();
  private final TreeMap<Long, Long> marks = new TreeMap<>();

  ReceiveTimes(VerifyingReader reader, VerifiedCheckpoint cp) {
    this.reader = reader;
    this.cp = cp;
  }

  /** The proven {@code received(index)}, {@code index < cp.size()}. */
  long receivedAt(long index) {
    int chunk = FIRST_CHUNK;
    while (true) {
      Map.Entry<Long, Long> in = covered.floorEntry(index);
      if (in == null || in.getValue() <= index) {
        fetch(Math.max(0, index + 1 - chunk), index + 1);
        continue;
      }
      Long m = marks.floorKey(index);
      if (m != null && m >= in.getKey()) {
        return marks.get(m);
      }
      if (in.getKey() == 0) {
        throw new VerificationException(
            "no clock mark at or before entry " + index + ": a ledger log starts with one");
      }
      fetch(Math.max(0, in.getKey() - chunk), in.getKey());
      chunk = Math.min(chunk * 2, MAX_CHUNK);
    }
  }

  private void fetch(long start, long end) {
    VerifiedRange r = reader.entries(start, end, cp);
    for (int i = 0; i < r.size(); i++) {
      if (LedgerEntries.parse(start + i, r.data(i)) instanceof LedgerEntry.ClockMark mark) {
        marks.put(start + i, mark.nanos());
      }
    }
    long s = start;
    long e = end;
    Map.Entry<Long, Long> before = covered.floorEntry(s);
    if (before != null && before.getValue() >= s) {
      s = before.getKey();
      e = Math.max(e, before.getValue());
    }
    for (Map.Entry<Long, Long> next = covered.ceilingEntry(s);
        next != null && next.getKey() <= e;
        next = covered.ceilingEntry(s)) {
      e = Math.max(e, next.getValue());
      covered.remove(next.getKey());
    }
    covered.put(s, e);
  }
}
