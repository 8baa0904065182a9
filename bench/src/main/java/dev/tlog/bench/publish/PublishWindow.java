package dev.tlog.bench.publish;

import dev.tlog.bench.load.Outcome;
import dev.tlog.bench.publish.BucketProbe.BucketState;
import dev.tlog.bench.report.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one publishing window observed, and the figures it makes: the appends, the bucket at the
 * start of the window, when appends stopped and when it caught up (or gave up), and the S3 server's
 * PUT counts at the start of the warm-up and at each of those moments.
 *
 * @param appended the appends of the window
 * @param logSize the log's size when appends stopped
 * @param maxLag the largest lag seen during the window, in entries
 * @param warmupMillis how long the untimed warm-up before the window lasted
 */
record PublishWindow(
    Outcome appended,
    BucketState start,
    BucketState atStop,
    BucketState end,
    long logSize,
    long maxLag,
    PutCount putsAtWarmup,
    PutCount putsAtStart,
    PutCount putsAtStop,
    PutCount putsAtEnd,
    long warmupMillis) {

  /** Whether the bucket held the whole log in the end. */
  boolean caughtUp() {
    return end.bucketSize() >= logSize;
  }

  /**
   * The step's figures; entry rates are compared with the window's append rate, PUT rates with
   * {@code rawPutsPerSecond} (the raw single-client rate of full tiles), the append rate with
   * {@code rawAppendLimit} when known.
   */
  List<Figure> figures(Optional<Double> rawAppendLimit, double rawPutsPerSecond) {
    List<Figure> out = new ArrayList<>();
    double appendRate = appended.perSecond();
    Figure append = appended.toFigure("publish.s3.append", "entries/s");
    out.add(rawAppendLimit.map(append::comparedTo).orElse(append));

    double window = seconds(start, atStop);
    long published = atStop.bucketSize() - start.bucketSize();
    out.add(
        Figure.of("publish.s3.entries", "entries/s", published / window)
            .comparedTo(appendRate)
            .withCounts(
                Map.of(
                    "published", published,
                    "bucket_size_start", start.bucketSize(),
                    "bucket_size_at_stop", atStop.bucketSize(),
                    "log_size_at_stop", logSize,
                    "max_lag", maxLag)));
    PutCount during = putsAtStop.since(putsAtStart);
    out.add(
        Figure.of("publish.s3.entries.uploaded", "entries/s", during.bundleEntries() / window)
            .comparedTo(appendRate)
            .withCounts(Map.of("entries", during.bundleEntries())));
    double untilEnd = seconds(start, end);
    long reached = end.bucketSize() - start.bucketSize();
    out.add(
        Figure.of("publish.s3.entries.overall", "entries/s", reached / untilEnd)
            .comparedTo(appendRate)
            .withCounts(Map.of("published", reached, "millis", Math.round(untilEnd * 1e3))));

    Map<String, Long> windowPuts = new TreeMap<>(putCounts(during, window));
    windowPuts.put("warmup_objects", putsAtStart.since(putsAtWarmup).objects());
    windowPuts.put("warmup_millis", warmupMillis);
    out.add(
        Figure.of("publish.s3.objects", "objects/s", during.objects() / window)
            .comparedTo(rawPutsPerSecond)
            .withCounts(windowPuts));

    long lagAtStop = logSize - atStop.bucketSize();
    out.add(
        Figure.of("publish.s3.lag_at_stop", "entries", lagAtStop)
            .withCounts(Map.of("entries", lagAtStop, "max_lag", maxLag)));
    double catchup = seconds(atStop, end);
    PutCount catchupPuts = putsAtEnd.since(putsAtStop);
    Map<String, Long> catchupCounts = new TreeMap<>(putCounts(catchupPuts, catchup));
    catchupCounts.put("entries", lagAtStop);
    if (!caughtUp()) {
      catchupCounts.put("timed_out", 1L);
    }
    out.add(Figure.of("publish.s3.catchup_seconds", "s", catchup).withCounts(catchupCounts));
    // With no appends to compete with, the catch-up shows the publisher's own PUT ceiling.
    out.add(
        Figure.of(
                "publish.s3.objects.catchup",
                "objects/s",
                perSecond(catchupPuts.objects(), catchup))
            .comparedTo(rawPutsPerSecond)
            .withCounts(putCounts(catchupPuts, catchup)));
    return out;
  }

  private static double seconds(BucketState from, BucketState to) {
    return (to.atNanos() - from.atNanos()) / 1e9;
  }

  private static double perSecond(long n, double seconds) {
    return seconds > 0 ? n / seconds : 0;
  }

  private static Map<String, Long> putCounts(PutCount puts, double seconds) {
    return Map.of(
        "objects", puts.objects(),
        "checkpoints", puts.checkpoints(),
        "bytes", puts.bytes(),
        "bytes_per_s", Math.round(perSecond(puts.bytes(), seconds)),
        "avg_object_bytes", puts.objects() > 0 ? puts.bytes() / puts.objects() : 0L);
  }
}
