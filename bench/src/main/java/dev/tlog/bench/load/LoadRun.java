package dev.tlog.bench.load;

import dev.tlog.bench.raw.DiskUsage;
import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.ResultsFile;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /**
   * Runs every phase. A phase that fails (the server died, a call kept failing) is reported and the
   * next phase goes on with a fresh server; returns false if any phase failed.
   */
  public boolean run() {
    Optional<Double> rawLimit = results.find(RAW_APPEND_LIMIT);
    EntrySource entries = new OpaqueEntries(plan.entryBytes());
    boolean ok = phase("append scenarios", () -> appends(rawLimit, entries));
    ok &= phase("ledger append scenarios", () -> ledgerAppends(rawLimit));
    Path readDir = workDir.resolve("read-data");
    boolean filled = phase("read scenarios", () -> reads(readDir, rawLimit, entries));
    ok &= filled;
    if (filled) {
      ok &= phase("start time", () -> startTime(readDir));
    }
    return ok;
  }

  private boolean phase(String name, Runnable body) {
    try {
      body.run();
      return true;
    } catch (RuntimeException e) {
      System.out.println("PHASE FAILED: " + name + ": " + e);
      return false;
    }
  }

  private void appends(Optional<Double> rawLimit, EntrySource entries) {
    Path dir = workDir.resolve("append-data");
    long size;
    try (ServerProcess server = start(dir, List.of());
        LogClient client = new LogClient(server.endpoints())) {
      System.out.println("append scenarios against " + server.endpoints());
      double capacity;
      try {
        capacity =
            new AppendScenarios(client, entries, results, rawLimit, server::isAlive)
                .runAll(plan.appendDuration());
      } catch (ServerExitedException e) {
        throw new ServerExitedException(reportExit(server, "appends"));
      }
      results.append(rss("load.server.rss.after_appends", server));
      if (!plan.overload().isZero()) {
        System.out.println("overload: offering 3 x " + Math.round(capacity) + " entries/s");
        results.append(
            new OverloadScenario(client, entries, server).run(capacity, plan.overload()));
        if (!server.isAlive()) {
          throw new ServerExitedException(reportExit(server, "overload"));
        }
      }
      size = client.size();
    }
    results.append(diskPerEntry("load.disk.append_log", dir, size));
  }

  /**
   * The core append scenarios against a ledger-mode log: the same transport and storage, plus event
   * validation, canonical JSON, payload records and clock marks.
   */
  private void ledgerAppends(Optional<Double> rawLimit) {
    Path dir = workDir.resolve("ledger-data");
    long size;
    try (ServerProcess server = start(dir, List.of("--mode", "ledger"));
        LogClient client = new LogClient(server.endpoints())) {
      System.out.println("ledger append scenarios against " + server.endpoints());
      try {
        new AppendScenarios(
                client, new LedgerEvents(plan.entryBytes()), results, rawLimit, server::isAlive)
            .runCore("load.ledger.append", plan.appendDuration());
      } catch (ServerExitedException e) {
        throw new ServerExitedException(reportExit(server, "ledger appends"));
      }
      size = client.size();
    }
    results.append(diskPerEntry("load.disk.ledger_log", dir, size));
  }

  private void reads(Path dir, Optional<Double> rawLimit, EntrySource entries) {
    try (ServerProcess server = start(dir, List.of());
        LogClient client = new LogClient(server.endpoints())) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ReadScenarios reads =
          new ReadScenarios(client, http, server.endpoints().httpBase(), results, READ_CALLERS);
      LogFiller filler = new LogFiller(client, entries);
      for (long size : plan.sizes()) {
        System.out.println("filling the log to " + size + " entries");
        try {
          Figure fill =
              filler
                  .fillTo(size)
                  .toFigure("load.fill.batch1000.c4.to" + ReadScenarios.label(size), "entries/s");
          results.append(rawLimit.map(fill::comparedTo).orElse(fill));
        } catch (RuntimeException e) {
          if (!server.isAlive()) {
            throw new ServerExitedException(reportExit(server, "filling"));
          }
          throw e;
        }
        reads.runAll(size, plan.readDuration());
      }
      if (!server.isAlive()) {
        throw new ServerExitedException(reportExit(server, "reads"));
      }
      results.append(rss("load.server.rss.after_reads", server));
    }
    results.append(
        diskPerEntry(
            "load.disk." + ReadScenarios.label(plan.largestSize()), dir, plan.largestSize()));
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

  /**
   * The server died: says so loudly with its last words, records a figure, and copies the JVM's
   * crash report next to the results file. Returns a one-line description.
   */
  private String reportExit(ServerProcess server, String during) {
    String what = "server exited with code " + server.exitCode() + " during " + during;
    System.out.println("SERVER CRASH: " + what + "; last log lines:");
    server.logTail(20).forEach(l -> System.out.println("    " + l));
    server.crashReport().ifPresent(report -> System.out.println(keepCrashReport(report, during)));
    results.append(
        Figure.of("load.server.exited_during_" + during, "exit_code", server.exitCode())
            .withCounts(Map.of("exit_code", (long) server.exitCode())));
    return what;
  }

  private String keepCrashReport(Path report, String during) {
    Path kept =
        results
            .path()
            .resolveSibling(results.path().getFileName() + ".server-crash-" + during + ".log");
    try {
      Files.copy(report, kept, StandardCopyOption.REPLACE_EXISTING);
      List<String> lines = Files.readAllLines(report);
      String frames =
          String.join(
              "\n    ",
              lines.stream()
                  .filter(
                      l ->
                          l.startsWith("#  SIG")
                              || l.startsWith("# C ")
                              || l.startsWith("C  [")
                              || l.startsWith("J ")
                              || l.startsWith("j "))
                  .limit(16)
                  .toList());
      return "  JVM crash report kept at " + kept + ":\n    " + frames;
    } catch (IOException e) {
      return "  JVM crash report at " + report + " (could not copy: " + e.getMessage() + ")";
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
