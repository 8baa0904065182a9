package dev.tlog.bench.report;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The publishing step's figures read together, under the table: how much of the append rate reaches
 * the bucket, how close the publisher comes to the raw PUT rate, and how far behind the bucket is
 * when appends stop. Prints nothing for a results file without them.
 */
public final class PublishSummary {
  private final Map<String, Figure> byName = new HashMap<>();

  public PublishSummary(List<Figure> figures) {
    // The last figure of each name wins, as in ResultsFile.find.
    figures.forEach(f -> byName.put(f.name(), f));
  }

  public void print(PrintStream out) {
    Figure entries = byName.get("publish.s3.entries");
    Figure append = byName.get("publish.s3.append");
    if (entries == null || append == null) {
      return;
    }
    out.println();
    out.println("publishing to S3 (S3Proxy in the bench JVM):");
    out.printf(
        Locale.ROOT,
        "  the bucket took %,.0f entries/s while the log took %,.0f entries/s (%s)%n",
        entries.value(),
        append.value(),
        ratio(entries));
    Figure uploaded = byName.get("publish.s3.entries.uploaded");
    if (uploaded != null) {
      out.printf(
          Locale.ROOT,
          "  entry bundles uploaded meanwhile (visible or not yet): %,.0f entries/s (%s)%n",
          uploaded.value(),
          ratio(uploaded));
    }
    Figure overall = byName.get("publish.s3.entries.overall");
    if (overall != null) {
      out.printf(
          Locale.ROOT,
          "  from the start of appends until the bucket caught up: %,.0f entries/s (%s)%n",
          overall.value(),
          ratio(overall));
    }
    Figure objects = byName.get("publish.s3.objects");
    if (objects != null && objects.rawLimit() != null) {
      out.printf(
          Locale.ROOT,
          "  the publisher PUT %.1f objects/s (%,d bytes each on average); raw PUTs of a full"
              + " tile: %.1f objects/s (%s)%n",
          objects.value(),
          count(objects, "avg_object_bytes"),
          objects.rawLimit(),
          ratio(objects));
    }
    Figure catchupPuts = byName.get("publish.s3.objects.catchup");
    if (catchupPuts != null) {
      out.printf(
          Locale.ROOT,
          "  catching up, with no appends, it PUT %.1f objects/s (%s)%n",
          catchupPuts.value(),
          ratio(catchupPuts));
    }
    Figure lag = byName.get("publish.s3.lag_at_stop");
    Figure catchup = byName.get("publish.s3.catchup_seconds");
    if (lag != null && catchup != null) {
      boolean timedOut = count(catchup, "timed_out") > 0;
      out.printf(
          Locale.ROOT,
          "  when appends stopped the bucket lagged %,.0f entries; %s %.2f s later%n",
          lag.value(),
          timedOut ? "STILL BEHIND" : "caught up",
          catchup.value());
    }
  }

  private static String ratio(Figure f) {
    return f.ratioToRaw() == null
        ? "no ratio"
        : String.format(Locale.ROOT, "ratio %.3f", f.ratioToRaw());
  }

  private static long count(Figure f, String key) {
    return f.counts() == null ? 0 : f.counts().getOrDefault(key, 0L);
  }
}
