package dev.tlog.mirror.testing;

import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.mirror.MirrorServer;
import dev.tlog.mirror.MirrorSettings;
import dev.tlog.mirror.verify.GrowthVerifier;
import dev.tlog.runtime.http.HttpLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * A real mirror on loopback over a real LMDB directory. Its own poll runs once at start and then
 * hourly, so tests drive it with {@link #poll} (or wait for the start poll with {@link
 * #awaitSize}).
 */
public final class TestMirror implements AutoCloseable {
  public final MirrorServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestMirror(MirrorServer server) {
    this.server = server;
  }

  public static TestMirror start(Path dataDir, String upstream, String vkey) {
    return start(dataDir, upstream, vkey, GrowthVerifier.DEFAULT_STEP_BYTES);
  }

  public static TestMirror start(Path dataDir, String upstream, String vkey, long stepBytes) {
    return new TestMirror(
        MirrorServer.start(
            new MirrorSettings(
                dataDir,
                URI.create(upstream),
                VerifierKeys.parse(vkey),
                "127.0.0.1",
                0,
                Duration.ofHours(1),
                HttpLimits.defaults(),
                stepBytes)));
  }

  /** The mirror's tlog-tiles base URL, ending in a slash. */
  public String url() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  public HttpResponse<byte[]> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The value of an unlabelled sample in {@code /metrics}, e.g. {@code tlog_mirror_forked}. */
  public double metric(String name) throws Exception {
    String text = new String(get("metrics").body(), java.nio.charset.StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    throw new AssertionError("no sample " + name + " in /metrics:\n" + text);
  }

  /** Polls until the mirror serves {@code size()} or 60 s pass; returns the size served. */
  public long awaitSize(LongSupplier size) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (server.status().servedSize() < size.getAsLong() && Instant.now().isBefore(deadline)) {
      server.pollNow();
      Thread.sleep(50);
    }
    return server.status().servedSize();
  }

  @Override
  public void close() {
    server.close();
  }
}
