package dev.tlog.bench.ledger;

import dev.tlog.bench.raw.DiskUsage;
import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.Latency;
import dev.tlog.bench.report.ResultsFile;
import dev.tlog.ledger.query.EventFields;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.FilterQueries;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.ledger.index.LedgerIndex;
import dev.tlog.server.ledger.index.Reindex;
import dev.tlog.server.ledger.query.EventQueries;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * Ledger query cost at one log size, in process: fills a ledger log ({@link SyntheticLedger}),
 * reads it end to end once (what any scan costs at least), builds the index as {@code tlog-server
 * reindex} does, then times {@link EventQueries#query} (one page of 100, hits read from LMDB and
 * re-checked, no proofs) for a selective combined filter (one actor, one action, a tenth of the
 * day) and for a one-word full-text query, each beside the bare Lucene search of the same filters.
 */
public final class LedgerQueryBench {
  private static final int PAGE = 100;
  private static final Sort BY_INDEX =
      new Sort(new SortField(EventFields.INDEX, SortField.Type.LONG));

  private final ResultsFile results;
  private final Path dir;
  private final long size;
  private final int queries;

  /**
   * Measures at {@code size} entries in {@code dir}, timing {@code queries} queries of each kind.
   */
  public LedgerQueryBench(ResultsFile results, Path dir, long size, int queries) {
    this.results = results;
    this.dir = dir;
    this.size = size;
    this.queries = queries;
  }

  public void run() {
    try (LmdbLogStorage storage = SyntheticLedger.open(dir.resolve("log"))) {
      long t = System.nanoTime();
      SignedCheckpoint cp = SyntheticLedger.write(storage, size, 1);
      results.append(Figure.of("ledger.fill." + size, "entries/s", perSecond(cp.size(), t)));

      t = System.nanoTime();
      long bytes = scan(storage, cp.size());
      double scanRate = perSecond(cp.size(), t);
      results.append(
          Figure.of("ledger.raw.scan_entries." + size, "entries/s", scanRate)
              .withCounts(Map.of("entries", cp.size(), "entry_bytes", bytes)));

      Path indexDir = dir.resolve("index");
      Reindex.Result built = Reindex.run(storage, indexDir, done -> {});
      results.append(
          Figure.of(
                  "ledger.index.build." + size,
                  "entries/s",
                  cp.size() * 1000.0 / Math.max(1, built.millis()))
              .withBytesPerEntry(DiskUsage.of(indexDir) / (double) cp.size())
              .comparedTo(scanRate));

      CheckpointFeed feed = new CheckpointFeed();
      feed.publish(cp);
      try (LogReader r = storage.reader();
          LedgerIndex index = LedgerIndex.open(indexDir, SyntheticLedger.ORIGIN, r)) {
        EventQueries q = new EventQueries(index, storage, feed, 0);
        measure("selective", index, q, this::selective);
        measure("fulltext", index, q, this::fullText);
      }
    }
  }

  private EventFilter selective(SplittableRandom r) {
    long from = SyntheticLedger.T0 + (long) (r.nextDouble() * 0.9 * SyntheticLedger.DAY);
    return EventFilter.builder()
        .actor(SyntheticLedger.actor(r.nextInt(SyntheticLedger.ACTORS)))
        .action(SyntheticLedger.action(r.nextInt(SyntheticLedger.ACTIONS)))
        .time(from, from + SyntheticLedger.DAY / 10)
        .build();
  }

  private EventFilter fullText(SplittableRandom r) {
    return EventFilter.builder()
        .text(SyntheticLedger.word(r.nextInt(SyntheticLedger.WORDS)))
        .build();
  }

  /** Times the server's query and the bare Lucene search over the same filter sequence. */
  private void measure(
      String kind,
      LedgerIndex index,
      EventQueries q,
      Function<SplittableRandom, EventFilter> make) {
    Timing server = time(make, f -> q.query(f, 0, PAGE, false).events().size());
    Timing lucene =
        time(
            make,
            f -> {
              try (LedgerIndex.View v = index.view()) {
                return bare(v.searcher(), f, v.covered());
              }
            });
    if (server.events() != lucene.events()) {
      throw new IllegalStateException(
          kind
              + ": the server returned "
              + server.events()
              + " events, Lucene found "
              + lucene.events());
    }
    results.append(
        Figure.of("ledger.raw.lucene." + kind + "." + size, "queries/s", lucene.perSecond())
            .withLatency(lucene.latency()));
    results.append(
        Figure.of("ledger.query." + kind + "." + size, "queries/s", server.perSecond())
            .withLatency(server.latency())
            .comparedTo(lucene.perSecond())
            .withCounts(Map.of("queries", (long) queries, "events_returned", server.events())));
  }

  private static int bare(IndexSearcher s, EventFilter f, long covered) {
    Query q =
        new BooleanQuery.Builder()
            .add(FilterQueries.toQuery(f), BooleanClause.Occur.FILTER)
            .add(
                LongPoint.newRangeQuery(EventFields.INDEX, 0, covered - 1),
                BooleanClause.Occur.FILTER)
            .build();
    try {
      int found =
          s.search(q, new TopFieldCollectorManager(BY_INDEX, PAGE + 1, null, PAGE + 1))
              .scoreDocs
              .length;
      return Math.min(PAGE, found);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Latency and rate of the timed calls, and the events they returned in all. */
  private record Timing(Latency latency, double perSecond, long events) {}

  /** A warm-up of half as many (at least 200), then {@code queries} timed calls, one at a time. */
  private Timing time(
      Function<SplittableRandom, EventFilter> make, Function<EventFilter, Integer> call) {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < Math.max(200, queries / 2); i++) {
      call.apply(make.apply(r));
    }
    r = new SplittableRandom(42);
    Histogram micros = new Histogram(3);
    long events = 0;
    long start = System.nanoTime();
    for (int i = 0; i < queries; i++) {
      EventFilter f = make.apply(r);
      long t = System.nanoTime();
      events += call.apply(f);
      micros.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
    }
    return new Timing(Latency.fromMicros(micros), perSecond(queries, start), events);
  }

  private static long scan(LmdbLogStorage storage, long n) {
    long bytes = 0;
    for (long i = 0; i < n; i += 4096) {
      try (LogReader r = storage.reader()) {
        for (byte[] e : r.entries(i, Math.min(n, i + 4096))) {
          bytes += e.length;
        }
      }
    }
    return bytes;
  }

  private static double perSecond(long count, long startNanos) {
    return count * 1e9 / Math.max(1, System.nanoTime() - startNanos);
  }
}
