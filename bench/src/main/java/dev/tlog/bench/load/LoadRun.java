package dev.tlog.bench.load;

import dev.tlog.bench.raw.DiskUsage;
import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.ResultsFile;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole end-to-end run. One server on a fresh data directory takes the append scenarios (and
 * the optional overload); a second, on another fresh directory, is filled to each planned size with
 * reads measured at each; it is then restarted with {@code --verify-on-start FULL} to time the
 * start over the largest log.
 */
public final class LoadRun {
  /** The raw figure every append figure is compared with. */
  public static final String RAW_APPEND_LIMIT = "raw.lmdb.append.batch1024";

  private static final Duration START_TIMEOUT = Duration.ofMinutes(30);
  private static final int READ_CALLERS = 8;

  private final Path serverJar;
  private final Path workDir;
  private final LoadPlan plan;
  private final ResultsFile results;

  public LoadRun(Path serverJar, Path workDir, LoadPlan plan, ResultsFile results) {
    this.serverJar = serverJar;
    this.workDir = workDir;
    this.plan = plan;
    this.results = results;
  }

  public void run() {
    Optional<Double> rawLimit = results.find(RAW_APPEND_LIMIT);
    EntrySource entries = new EntrySource(plan.entryBytes());
    appends(rawLimit, entries);
    Path readDir = reads(rawLimit, entries);
    startTime(readDir);
  }

  private void appends(Optional<Double> rawLimit, EntrySource entries) {
    Path dir = workDir.resolve("append-data");
    long size;
    try (ServerProcess server = start(dir, List.of());
        LogClient client = new LogClient(server.endpoints())) {
      System.out.println("append scenarios against " + server.endpoints());
      double capacity =
          new AppendScenarios(client, entries, results, rawLimit).runAll(plan.appendDuration());
      results.append(rss("load.server.rss.after_appends", server));
      if (!plan.overload().isZero()) {
        System.out.println("overload: offering 3 x " + Math.round(capacity) + " entries/s");
        results.append(
            new OverloadScenario(client, entries, server).run(capacity, plan.overload()));
      }
      size = client.size();
    }
    results.append(diskPerEntry("load.disk.append_log", dir, size));
  }

  private Path reads(Optional<Double> rawLimit, EntrySource entries) {
    Path dir = workDir.resolve("read-data");
    try (ServerProcess server = start(dir, List.of());
        LogClient client = new LogClient(server.endpoints())) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ReadScenarios reads =
          new ReadScenarios(client, http, server.endpoints().httpBase(), results, READ_CALLERS);
      LogFiller filler = new LogFiller(client, entries);
      for (long size : plan.sizes()) {
        System.out.println("filling the log to " + size + " entries");
        Figure fill =
            filler
                .fillTo(size)
                .toFigure("load.fill.batch1000.c4.to" + ReadScenarios.label(size), "entries/s");
        results.append(rawLimit.map(fill::comparedTo).orElse(fill));
        reads.runAll(size, plan.readDuration());
      }
      results.append(rss("load.server.rss.after_reads", server));
    }
    results.append(
        diskPerEntry(
            "load.disk." + ReadScenarios.label(plan.largestSize()), dir, plan.largestSize()));
    return dir;
  }

  private void startTime(Path dir) {
    try (ServerProcess server = start(dir, List.of("--verify-on-start", "FULL"))) {
      double seconds = server.startTime().toNanos() / 1e9;
      results.append(
          Figure.of(
                  "load.server.start.full_verify." + ReadScenarios.label(plan.largestSize()),
                  "s",
                  seconds)
              .withRss(server.rssBytes()));
    }
  }

  private ServerProcess start(Path dataDir, List<String> extraArgs) {
    return ServerProcess.start(serverJar, dataDir, extraArgs, START_TIMEOUT);
  }

  private static Figure rss(String name, ServerProcess server) {
    long rss = server.rssBytes();
    return Figure.of(name, "bytes", rss)
        .withRss(rss)
        .withCounts(Map.of("peak_rss_bytes", server.peakRssBytes()));
  }

  private static Figure diskPerEntry(String name, Path dir, long entries) {
    long bytes = DiskUsage.of(dir);
    double perEntry = (double) bytes / Math.max(1, entries);
    return Figure.of(name, "bytes/entry", perEntry)
        .withBytesPerEntry(perEntry)
        .withCounts(Map.of("entries", entries, "bytes", bytes));
  }
}
