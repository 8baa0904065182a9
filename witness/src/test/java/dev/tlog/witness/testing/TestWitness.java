package dev.tlog.witness.testing;

import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.witness.WitnessServer;
import dev.tlog.witness.WitnessSettings;
import dev.tlog.witness.config.LogConfig;
import dev.tlog.witness.config.PeerConfig;
import dev.tlog.witness.config.WitnessConfig;
import dev.tlog.witness.http.OriginPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real witness (LMDB in a temp dir, HTTP on a loopback port) and a client for it. */
public final class TestWitness implements AutoCloseable {
  /** Fixed clock: cosignature timestamps are predictable. */
  public static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final WitnessServer server;

  private TestWitness(WitnessServer server) {
    this.server = server;
  }

  public static TestWitness start(Path dir, WitnessConfig config) {
    return start(dir, config, HttpLimits.defaults());
  }

  /** A witness whose HTTP listener has {@code limits}. */
  public static TestWitness start(Path dir, WitnessConfig config, HttpLimits limits) {
    return new TestWitness(
        WitnessServer.start(
            WitnessSettings.defaults(
                    dir,
                    config,
                    "witness.test/" + dir.getFileName(),
                    "127.0.0.1",
                    0,
                    Duration.ZERO,
                    Clock.fixed(NOW, ZoneOffset.UTC))
                .withHttpLimits(limits)));
  }

  /** A config witnessing {@code logs}, with optional tile servers, and no peers. */
  public static WitnessConfig config(List<TestLog> logs, Map<String, URI> tiles) {
    return config(logs, tiles, List.of());
  }

  public static WitnessConfig config(
      List<TestLog> logs, Map<String, URI> tiles, List<PeerConfig> peers) {
    Map<String, LogConfig> m = new LinkedHashMap<>();
    for (TestLog l : logs) {
      m.put(
          l.origin(),
          new LogConfig(
              l.origin(), List.of(l.verifier()), Optional.ofNullable(tiles.get(l.origin()))));
    }
    return new WitnessConfig(m, peers);
  }

  /** This witness as a peer of another. */
  public PeerConfig asPeer() {
    return new PeerConfig(url(), cosignatureVerifier());
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  public WitnessServer server() {
    return server;
  }

  public CosignatureVerifier cosignatureVerifier() {
    return (CosignatureVerifier) VerifierKeys.parse(server.verifierKey());
  }

  public HttpResponse<String> post(byte[] body) {
    return send(
        HttpRequest.newBuilder(url().resolve("add-checkpoint"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(url().resolve(path)).GET().build());
  }

  /** {@code GET /checkpoint/<origin>}. */
  public HttpResponse<String> checkpoint(String origin) {
    return get("checkpoint/" + OriginPath.encode(origin));
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
