package dev.tlog.bench.publish;

import dev.tlog.bench.load.AppendScenarios;
import dev.tlog.bench.load.ClosedLoop;
import dev.tlog.bench.load.EntrySource;
import dev.tlog.bench.load.LoadRun;
import dev.tlog.bench.load.LogClient;
import dev.tlog.bench.load.OpaqueEntries;
import dev.tlog.bench.load.Outcome;
import dev.tlog.bench.load.ServerExitedException;
import dev.tlog.bench.load.ServerProcess;
import dev.tlog.bench.publish.BucketProbe.BucketState;
import dev.tlog.bench.raw.S3PutLimit;
import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.ResultsFile;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.server.publish.s3.S3ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The publishing step. An {@link S3Server} starts in this JVM; first the raw PUT rate of one client
 * into it is measured for a full hash tile and a full entry bundle; then the real server starts
 * with {@code --s3-*} pointing at it and takes {@code AppendBatch(1000)} from 4 callers at full
 * speed, while the bucket's tree size is read from the server's metrics; when the appends stop, the
 * time until the bucket holds the whole log is measured.
 */
public final class PublishRun {
  /** Bytes of a full level-0 hash tile: 256 hashes of 32 bytes. */
  public static final int TILE_BYTES = TileMath.FULL_WIDTH * 32;

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CATCHUP_TIMEOUT = Duration.ofMinutes(10);

  /**
   * PUTs the bench's S3 client makes before the raw limit is timed: the AWS SDK against S3Proxy
   * gets faster for the first 1000-1500 PUTs (26 ms per PUT at first, 4-5 ms from then on, here).
   */
  private static final int RAW_WARM_PUTS = 1500;

  /**
   * PUTs the server's publisher makes before the window is timed, within {@link #maxServerWarmup}:
   * fewer than the raw client's, since appends meanwhile pile up a backlog.
   */
  private static final int SERVER_WARM_PUTS = 300;

  /** The server's warm-up lasts at most this many times the step's appends, and 30 s. */
  private static final int MAX_SERVER_WARMUP_FACTOR = 3;

  private static final Duration MAX_SERVER_WARMUP = Duration.ofSeconds(30);
  private static final int CALLERS = 4;
  private static final int BATCH = 1000;
  private static final String LOG_PREFIX = "log/";

  private final Path serverJar;
  private final Path workDir;
  private final Duration rawDuration;
  private final Duration appendDuration;
  private final int entryBytes;
  private final ResultsFile results;

  public PublishRun(
      Path serverJar,
      Path workDir,
      Duration rawDuration,
      Duration appendDuration,
      int entryBytes,
      ResultsFile results) {
    this.serverJar = serverJar;
    this.workDir = workDir;
    this.rawDuration = rawDuration;
    this.appendDuration = appendDuration;
    this.entryBytes = entryBytes;
    this.results = results;
  }

  /** Runs the step; returns false if the server died or the bucket never caught up. */
  public boolean run() {
    try (S3Server s3 = S3Server.start(workDir.resolve("s3"));
        S3ObjectStore store = S3ObjectStore.open(s3.settings("raw/"))) {
      S3PutLimit limit = new S3PutLimit(store);
      long warm = limit.warmUp(TILE_BYTES, rawDuration, RAW_WARM_PUTS);
      System.out.println("S3 client warmed up with " + warm + " PUTs");
      Figure before = limit.measure("raw.s3.put.tile", TILE_BYTES, rawDuration);
      results.append(before);
      // C2SP tlog-tiles: each entry of a bundle is a 16-bit length, then its bytes.
      results.append(
          limit.measure("raw.s3.put.bundle", TileMath.FULL_WIDTH * (2 + entryBytes), rawDuration));
      Optional<PublishWindow> window = publish(s3);
      // Other work on the machine moves the raw rate within a minute: measure it again after, and
      // compare the publisher with the faster of the two, the ceiling this run saw.
      Figure after = limit.measure("raw.s3.put.tile.after", TILE_BYTES, rawDuration);
      results.append(after);
      double ceiling = Math.max(before.value(), after.value());
      window.ifPresent(
          w -> w.figures(results.find(LoadRun.RAW_APPEND_LIMIT), ceiling).forEach(results::append));
      return window.map(PublishWindow::caughtUp).orElse(false);
    }
  }

  /** The window, or empty if the server died or a call kept failing. */
  private Optional<PublishWindow> publish(S3Server s3) {
    Optional<Double> rawAppendLimit = results.find(LoadRun.RAW_APPEND_LIMIT);
    EntrySource entries = new OpaqueEntries(entryBytes);
    try (ServerProcess server =
            ServerProcess.start(
                serverJar,
                workDir.resolve("publish-data"),
                s3.serverFlags(LOG_PREFIX),
                s3.credentialsEnv(),
                START_TIMEOUT);
        LogClient client = new LogClient(server.endpoints())) {
      System.out.println(
          "publishing from " + server.endpoints() + " to " + s3.endpoint() + "/" + S3Server.BUCKET);
      BucketProbe probe = new BucketProbe(server.endpoints().httpBase());
      ClosedLoop.Call batch =
          new AppendScenarios(client, entries, results, rawAppendLimit, server::isAlive)
              .batchCall(BATCH);
      // A fresh server and publisher pay for JIT and first connections: spend that untimed, until
      // the publisher, too, has made enough PUTs to be warm (a long-running server is).
      PutCount putsAtWarmup = s3.puts();
      long warmStart = System.nanoTime();
      do {
        new ClosedLoop(CALLERS, Duration.ZERO, warmup()).run(batch, BATCH);
      } while (s3.puts().since(putsAtWarmup).objects() < SERVER_WARM_PUTS
          && System.nanoTime() - warmStart < maxServerWarmup().toNanos());
      long warmMillis = (System.nanoTime() - warmStart) / 1_000_000;

      BucketState start = probe.read();
      PutCount putsAtStart = s3.puts();
      Outcome appended;
      long maxLag;
      try (LagSampler sampler = new LagSampler(probe, 100)) {
        appended = new ClosedLoop(CALLERS, Duration.ZERO, appendDuration).run(batch, BATCH);
        maxLag = sampler.maxLag();
      }
      BucketState atStop = probe.read();
      PutCount putsAtStop = s3.puts();
      if (!server.isAlive()) {
        throw new ServerExitedException(crash(server));
      }
      long logSize = client.size();
      BucketState end = awaitBucket(probe, logSize);
      PublishWindow w =
          new PublishWindow(
              appended,
              start,
              atStop,
              end,
              logSize,
              Math.max(maxLag, atStop.lag()),
              putsAtWarmup,
              putsAtStart,
              putsAtStop,
              s3.puts(),
              warmMillis);
      if (!w.caughtUp()) {
        System.out.println(
            "PUBLISH FAILED: the bucket holds "
                + end.bucketSize()
                + " of "
                + logSize
                + " entries after "
                + CATCHUP_TIMEOUT);
      }
      return Optional.of(w);
    } catch (RuntimeException e) {
      System.out.println("PHASE FAILED: publishing: " + e);
      return Optional.empty();
    }
  }

  private Duration maxServerWarmup() {
    Duration d = appendDuration.multipliedBy(MAX_SERVER_WARMUP_FACTOR);
    return d.compareTo(MAX_SERVER_WARMUP) > 0 ? MAX_SERVER_WARMUP : d;
  }

  private Duration warmup() {
    Duration w = appendDuration.dividedBy(5);
    return w.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : w;
  }

  /** Polls until the bucket holds {@code size} entries or the timeout passes; the last state. */
  private static BucketState awaitBucket(BucketProbe probe, long size) {
    long deadline = System.nanoTime() + CATCHUP_TIMEOUT.toNanos();
    while (true) {
      BucketState s = probe.read();
      if (s.bucketSize() >= size || s.atNanos() > deadline) {
        return s;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return s;
      }
    }
  }

  private static String crash(ServerProcess server) {
    String what = "server exited with code " + server.exitCode() + " during publishing";
    System.out.println("SERVER CRASH: " + what + "; last log lines:");
    List<String> tail = server.logTail(20);
    tail.forEach(l -> System.out.println("    " + l));
    return what;
  }
}
