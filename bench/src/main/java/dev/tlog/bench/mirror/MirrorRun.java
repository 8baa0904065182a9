package dev.tlog.bench.mirror;

import dev.tlog.bench.load.LogClient;
import dev.tlog.bench.load.LogFiller;
import dev.tlog.bench.load.OpaqueEntries;
import dev.tlog.bench.load.ReadScenarios;
import dev.tlog.bench.load.ServerProcess;
import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.ResultsFile;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TilePaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run: a fresh server filled to {@code size} entries; the raw limit, every object of the tree
 * fetched once with plain GETs; then a fresh {@code tlog-mirror} pointed at the server, timed from
 * its start until it serves a checkpoint of {@code size}.
 */
public final class MirrorRun {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

  private final Path serverJar;
  private final Path mirrorJar;
  private final Path workDir;
  private final ResultsFile results;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public MirrorRun(Path serverJar, Path mirrorJar, Path workDir, ResultsFile results) {
    this.serverJar = serverJar;
    this.mirrorJar = mirrorJar;
    this.workDir = workDir;
    this.results = results;
  }

  public void run(long size, int entryBytes) {
    String label = ReadScenarios.label(size);
    try (ServerProcess server =
            ServerProcess.start(serverJar, workDir.resolve("log"), List.of(), START_TIMEOUT);
        LogClient client = new LogClient(server.endpoints())) {
      System.out.println("filling the log to " + size + " entries");
      new LogFiller(client, new OpaqueEntries(entryBytes)).fillTo(size);
      URI base = server.endpoints().httpBase();
      String vkey = new String(get(base.resolve("vkey")), StandardCharsets.UTF_8).strip();

      long t0 = System.nanoTime();
      long objects = fetchTree(base, size);
      double rawSeconds = (System.nanoTime() - t0) / 1e9;
      double raw = size / rawSeconds;
      results.append(
          Figure.of("raw.http.fetch_tree." + label, "entries/s", raw)
              .withCounts(Map.of("objects", objects, "entries", size)));
      System.out.printf(
          "raw: %d objects of a %d-entry tree fetched in %.2f s (%.0f entries/s)%n",
          objects, size, rawSeconds, raw);

      double seconds = catchUp(base, vkey, size);
      Figure f =
          Figure.of("mirror.catchup." + label, "entries/s", size / seconds)
              .withCounts(Map.of("objects", objects, "entries", size))
              .comparedTo(raw);
      results.append(f);
      System.out.printf(
          "mirror: caught up with %d entries in %.2f s (%.0f entries/s, %.2f of the raw fetch)%n",
          size, seconds, size / seconds, size / seconds / raw);
    }
  }

  /** GETs every bundle and hash tile of a tree of {@code size}, one after another. */
  private long fetchTree(URI base, long size) {
    long n = 0;
    for (EntryBundleId b : TileMath.newEntryBundles(0, size)) {
      get(base.resolve(TilePaths.format(b)));
      n++;
    }
    for (TileId t : TileMath.newTiles(0, size)) {
      get(base.resolve(TilePaths.format(t)));
      n++;
    }
    return n;
  }

  /** Seconds from starting the mirror until it serves a checkpoint of {@code size}. */
  private double catchUp(URI upstream, String vkey, long size) {
    Path dir = workDir.resolve("mirror");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens",
                "java.base/java.nio=ALL-UNNAMED",
                "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED",
                "-jar",
                mirrorJar.toAbsolutePath().toString(),
                "--upstream",
                upstream.toString(),
                "--log-key",
                vkey,
                "--data-dir",
                dir.toString(),
                "--port",
                "0",
                "--poll-interval",
                "100ms"));
    long t0 = System.nanoTime();
    Process p;
    try {
      Files.createDirectories(workDir);
      p = new ProcessBuilder(cmd).redirectError(workDir.resolve("mirror.log").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the mirror", e);
    }
    try {
      URI mirror = listenUrl(p).get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
      while (mirroredSize(mirror) < size) {
        if (System.nanoTime() > deadline || !p.isAlive()) {
          throw new IllegalStateException(
              "mirror did not catch up with " + size + " entries (see " + workDir + "/mirror.log)");
        }
        Thread.sleep(20);
      }
      return (System.nanoTime() - t0) / 1e9;
    } catch (Exception e) {
      throw new IllegalStateException("mirror step failed: " + e, e);
    } finally {
      p.destroy();
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      p.destroyForcibly();
    }
  }

  /** The base URL the mirror prints ({@code HTTP: http://host:port/checkpoint}). */
  private static CompletableFuture<URI> listenUrl(Process p) {
    CompletableFuture<URI> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  String t = line.strip();
                  if (t.startsWith("HTTP:") && t.endsWith("/checkpoint")) {
                    String u = t.substring(5).strip();
                    url.complete(URI.create(u.substring(0, u.length() - "checkpoint".length())));
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(new IllegalStateException("mirror exited"));
            },
            "mirror-stdout");
    reader.setDaemon(true);
    reader.start();
    return url;
  }

  /** The size of the checkpoint the mirror serves; 0 while it serves none. */
  private long mirroredSize(URI mirror) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(mirror.resolve("checkpoint")).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      return 0;
    }
    String[] lines = r.body().split("\n");
    return lines.length > 1 ? Long.parseLong(lines[1].strip()) : 0;
  }

  private byte[] get(URI uri) {
    try {
      HttpResponse<byte[]> r =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + uri + ": HTTP " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
