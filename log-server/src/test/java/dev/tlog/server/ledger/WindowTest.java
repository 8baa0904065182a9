package dev.tlog.server.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetWindowRequest;
import dev.tlog.proto.v1.GetWindowResponse;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.ledger.index.LedgerIndex;
import dev.tlog.server.ledger.index.Reindex;
import dev.tlog.server.ledger.query.Window;
import dev.tlog.server.ledger.query.WindowFinder;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetWindow (spec/ledger.md, "Complete windows") on logs whose receive clock the test drives: the
 * answer satisfies the four conditions a client checks, and {@code [start, end)} holds exactly the
 * entries received in the window; also when part of the log is not indexed yet.
 */
class WindowTest {
  private static final long MS = 1_000_000L;
  @TempDir Path dir;

  /** Batches at clock steps of 0, 0.3 ms (no new mark) or 1-20 ms; returns the mark times used. */
  private static void fill(OfflineLedger log, Random r, long t0, int batches) {
    long clock = t0;
    for (int b = 0; b < batches; b++) {
      clock +=
          switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 300_000;
            default -> (1 + r.nextInt(20)) * MS;
          };
      List<Event> events = new ArrayList<>();
      for (int n = 1 + r.nextInt(4); n > 0; n--) {
        events.add(LedgerEvents.random(r, Instant.ofEpochSecond(0, t0)));
      }
      log.batch(clock, events);
    }
  }

  @Test
  void windowsFromTheServerAreCompleteAndExact() throws Exception {
    Random r = new Random(11);
    long t0 = Instant.now().minusSeconds(3600).toEpochMilli() * MS;
    try (OfflineLedger offline = new OfflineLedger(dir)) {
      fill(offline, r, t0, 80);
    }
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      GetWindowResponse all = ledger.getWindow(GetWindowRequest.getDefaultInstance());
      long n = LedgerQueryTest.checkpoint(log, all.getCheckpoint()).size();
      List<LedgerEntry> entries = entries(log, n);
      assertEquals(0, all.getStart());
      assertEquals(n, all.getEnd());
      for (long[] w : windows(r, entries)) {
        GetWindowResponse got =
            ledger.getWindow(
                GetWindowRequest.newBuilder().setReceivedFrom(w[0]).setReceivedTo(w[1]).build());
        check(
            entries,
            w[0],
            w[1],
            got.getStart(),
            got.getEnd(),
            got.hasMarkBefore() ? OptionalLong.of(got.getMarkBefore()) : OptionalLong.empty());
      }
    }
  }

  @Test
  void thePartTheIndexDoesNotCoverIsReadFromStorage() {
    Random r = new Random(12);
    long t0 = 1_700_000_000_000L * MS;
    try (OfflineLedger offline = new OfflineLedger(dir)) {
      fill(offline, r, t0, 40);
      Reindex.run(offline.storage, dir.resolve("index"), done -> {});
      fill(offline, r, t0 + 10_000 * MS, 40);
      CheckpointFeed feed = new CheckpointFeed();
      feed.publish(offline.checkpoint());
      List<LedgerEntry> entries;
      try (LogReader reader = offline.storage.reader()) {
        entries = reader.entries(0, reader.size()).stream().map(EventCodec::parseEntry).toList();
      }
      try (LogReader reader = offline.storage.reader();
          LedgerIndex index = LedgerIndex.open(dir.resolve("index"), TestLog.ORIGIN, reader)) {
        assertTrue(index.searchable().covered() > 0);
        assertTrue(index.searchable().covered() < entries.size(), "half the log is not indexed");
        WindowFinder finder = new WindowFinder(index, offline.storage, feed, 0);
        for (long[] w : windows(r, entries)) {
          Window got = finder.window(w[0], w[1]);
          check(entries, w[0], w[1], got.start(), got.end(), got.markBefore());
        }
      }
    }
  }

  /** Random windows around the log's mark times: exact, off by one, between, open-ended. */
  private static List<long[]> windows(Random r, List<LedgerEntry> entries) {
    List<Long> marks = new ArrayList<>();
    for (LedgerEntry e : entries) {
      if (e instanceof LedgerEntry.ClockMark m) {
        marks.add(m.nanos());
      }
    }
    List<long[]> out = new ArrayList<>();
    out.add(new long[] {0, 0});
    out.add(new long[] {marks.get(marks.size() - 1) + 1, 0});
    out.add(new long[] {marks.get(0), marks.get(0)});
    for (int k = 0; k < 150; k++) {
      long a = LedgerEvents.pick(r, marks) + r.nextInt(3) - 1 + (r.nextBoolean() ? MS / 2 : 0);
      long b = LedgerEvents.pick(r, marks) + r.nextInt(3) - 1;
      out.add(new long[] {Math.min(a, b), r.nextInt(8) == 0 ? 0 : Math.max(a, b)});
    }
    return out;
  }

  /** The client's checks of spec/ledger.md "Complete windows", and exactness against a scan. */
  private static void check(
      List<LedgerEntry> entries, long from, long to, long start, long end, OptionalLong before) {
    String w = "window [" + from + ", " + to + ") -> [" + start + ", " + end + ") before " + before;
    long n = entries.size();
    assertTrue(0 <= start && start <= end && end <= n, w);
    if (start == 0) {
      assertFalse(before.isPresent(), w);
    } else {
      long mb = before.orElseThrow(() -> new AssertionError("no mark_before: " + w));
      assertTrue(time(entries, mb) >= 0 && time(entries, mb) < from, "1: " + w);
      for (long i = mb + 1; i < start; i++) {
        assertTrue(time(entries, i) < 0, "1: a mark between mark_before and start: " + w);
      }
    }
    assertTrue(start == n || time(entries, start) >= from, "2: " + w);
    for (long i = start + 1; i < end; i++) {
      assertTrue(to == 0 || time(entries, i) < to, "3: " + w);
    }
    assertTrue(end == n || to != 0 && time(entries, end) >= to, "4: " + w);
    long received = -1;
    for (int i = 0; i < n; i++) {
      if (time(entries, i) >= 0) {
        received = time(entries, i);
      }
      boolean in = received >= from && (to == 0 || received < to);
      assertEquals(in, i >= start && i < end, "entry " + i + " received " + received + ": " + w);
    }
  }

  private static long time(List<LedgerEntry> entries, long i) {
    return entries.get((int) i) instanceof LedgerEntry.ClockMark m ? m.nanos() : -1;
  }

  private static List<LedgerEntry> entries(TestLog log, long n) {
    List<LedgerEntry> out = new ArrayList<>();
    while (out.size() < n) {
      Iterator<Entry> it =
          log.blocking.getEntries(
              GetEntriesRequest.newBuilder().setStart(out.size()).setEnd(n).build());
      it.forEachRemaining(e -> out.add(EventCodec.parseEntry(e.getData().toByteArray())));
    }
    return out;
  }
}
