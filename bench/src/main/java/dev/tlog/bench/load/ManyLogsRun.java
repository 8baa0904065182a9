package dev.tlog.bench.load;

import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.ResultsFile;
import dev.tlog.proto.v1.AppendBatchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write side's way out (spec/scaling.md): one server process hosting {@code k} logs ({@code
 * --logs}), each on its own fresh data directory, each driven by the same four callers of {@code
 * AppendBatch(1000)} as the single-log headline figure. Reports the sum of the logs' entries/s for
 * each {@code k}, beside the raw LMDB limit of the same run: logs on one disk share its fsync rate,
 * so the sum shows how much more one process gets out of the disk with more logs.
 */
public final class ManyLogsRun {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final int CALLERS_PER_LOG = 4;
  private static final int BATCH = 1000;
  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private final Path serverJar;
  private final Path workDir;
  private final ResultsFile results;
  private final int entryBytes;

  public ManyLogsRun(Path serverJar, Path workDir, ResultsFile results, int entryBytes) {
    this.serverJar = serverJar;
    this.workDir = workDir;
    this.results = results;
    this.entryBytes = entryBytes;
  }

  /** Measures each count of logs in {@code counts} for {@code duration}. */
  public void run(List<Integer> counts, Duration duration) {
    Optional<Double> rawLimit = results.find(LoadRun.RAW_APPEND_LIMIT);
    for (int k : counts) {
      Path dir = workDir.resolve("logs-" + k);
      try (ServerProcess server =
          ServerProcess.startLogs(serverJar, dir, logsFile(dir, k), k, START_TIMEOUT)) {
        List<LogClient> clients = new ArrayList<>();
        try {
          for (Endpoints e : server.allEndpoints()) {
            clients.add(new LogClient(e));
          }
          // A fresh server's JIT is cold: the first round is thrown away.
          drive(clients, WARM_UP);
          Outcome o = drive(clients, duration);
          if (!server.isAlive()) {
            throw new ServerExitedException("server exited while " + k + " logs were appended to");
          }
          Map<String, Long> sizes = new TreeMap<>();
          for (int i = 0; i < k; i++) {
            sizes.put("log" + i + "_size", clients.get(i).size());
          }
          Figure f =
              o.toFigure("load.logs.k" + k + ".batch1000.c4each", "entries/s")
                  .withCounts(merge(o, sizes));
          results.append(rawLimit.map(f::comparedTo).orElse(f));
          System.out.printf(
              "%d log(s) in one process: %.0f entries/s in total%n", k, o.perSecond());
        } finally {
          clients.forEach(LogClient::close);
        }
      }
    }
  }

  /** Every log gets {@link #CALLERS_PER_LOG} callers of its own; one loop measures them all. */
  private Outcome drive(List<LogClient> clients, Duration duration) {
    int k = clients.size();
    AtomicInteger nextCaller = new AtomicInteger();
    ThreadLocal<Integer> logOfCaller = ThreadLocal.withInitial(() -> nextCaller.getAndIncrement());
    EntrySource entries = new OpaqueEntries(entryBytes);
    return ClosedLoop.warmed(k * CALLERS_PER_LOG, duration)
        .run(
            () -> {
              AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
              for (int i = 0; i < BATCH; i++) {
                b.addEntries(entries.next());
              }
              return clients
                  .get(logOfCaller.get() % k)
                  .blocking()
                  .appendBatch(b.build())
                  .getResultsCount();
            },
            BATCH);
  }

  private static Map<String, Long> merge(Outcome o, Map<String, Long> sizes) {
    Map<String, Long> all = new TreeMap<>(o.counts());
    all.put("ok", o.units());
    all.putAll(sizes);
    return all;
  }

  private static Path logsFile(Path dir, int k) {
    StringBuilder yaml = new StringBuilder("logs:\n");
    for (int i = 0; i < k; i++) {
      yaml.append("  - {name: log")
          .append(i)
          .append(", origin: bench.example/log")
          .append(i)
          .append(", mode: opaque, grpc-port: 0, http-port: 0}\n");
    }
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve("logs.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
