package dev.tlog.mirror;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.mirror.testing.Logs;
import dev.tlog.mirror.testing.SameObjects;
import dev.tlog.mirror.testing.TestMirror;
import dev.tlog.server.testing.TestLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/mirror.md, "Storage": the real {@code tlog-mirror} in its own JVM is SIGKILLed while the log
 * grows and it catches up; restarted on the same data directory, it serves at least the size it had
 * served before the kill, and every object of that size is the log's.
 */
class MirrorCrashTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @Test
  void aServedCheckpointSurvivesSigkill() throws Exception {
    Path data = tmp.resolve("mirror");
    Random random = new Random(7);
    try (TestLog log = TestLog.start(tmp.resolve("log"))) {
      String vkey = log.server.verifierKey();
      Logs.append(log, "start", 500);
      for (int cycle = 0; cycle < 3; cycle++) {
        Process mirror = startMirror(data, Logs.url(log), vkey);
        long acked;
        try {
          String url = awaitBanner(mirror);
          long want = Logs.size(log);
          acked = awaitServed(url, want);
          assertTrue(acked >= want, "cycle " + cycle + ": mirror reached only " + acked);
          CompletableFuture<Void> growth =
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      Logs.append(log, "cycle" + random.nextInt(), 400);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
          Thread.sleep(100 + random.nextInt(400));
          acked = Math.max(acked, served(url));
          mirror.destroyForcibly();
          assertTrue(mirror.waitFor(60, TimeUnit.SECONDS));
          growth.join();
        } finally {
          mirror.destroyForcibly();
        }
        try (TestMirror restarted = TestMirror.start(data, "http://127.0.0.1:9/", vkey)) {
          long size = restarted.server.status().servedSize();
          assertTrue(size >= acked, "cycle " + cycle + ": served " + acked + ", then " + size);
          SameObjects.assertSameTiles(Logs.url(log), restarted.url(), size);
        }
      }
    }
  }

  private static Process startMirror(Path data, String upstream, String vkey) throws IOException {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens",
            "java.base/java.nio=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.tlog.mirror.Main",
            "--upstream",
            upstream,
            "--log-key",
            vkey,
            "--data-dir",
            data.toString(),
            "--port",
            "0",
            "--poll-interval",
            "50ms");
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  // The mirror's base URL from its banner; the rest of its output is drained.
  private static String awaitBanner(Process p) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder printed = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      printed.append(line).append('\n');
      if (line.contains("HTTP:")) {
        String url = line.substring(line.indexOf("http://"), line.indexOf("checkpoint"));
        CompletableFuture.runAsync(() -> out.lines().forEach(l -> {}));
        return url;
      }
    }
    throw new AssertionError("mirror did not start:\n" + printed);
  }

  private static long awaitServed(String url, long want) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    long got = served(url);
    while (got < want && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      got = served(url);
    }
    return got;
  }

  // The size of the checkpoint the mirror serves (0 while it serves none).
  private static long served(String url) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "checkpoint"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      return 0;
    }
    return Long.parseLong(r.body().split("\n")[1]);
  }
}
