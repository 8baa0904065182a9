package dev.tlog.server.testing;

import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.server.LedgerSettings;
import dev.tlog.server.LogServer;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.ServerOps;
import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.api.grpc.GrpcLimits;
import dev.tlog.server.security.SecuritySettings;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.witnessing.WitnessPolicy;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real log server on loopback over a real LMDB directory, with a real grpc-java client. */
public final class TestLog implements AutoCloseable {
  public static final String ORIGIN = "tlog.test/log";

  public final LogServer server;
  public final ManagedChannel channel;
  public final LogServiceGrpc.LogServiceBlockingStub blocking;
  public final LogServiceGrpc.LogServiceStub async;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestLog(LogServer server) {
    this.server = server;
    this.channel =
        NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    this.blocking = LogServiceGrpc.newBlockingStub(channel);
    this.async = LogServiceGrpc.newStub(channel);
  }

  public static ServerConfig config(Path dir) {
    return config(dir, new SequencerLimits(64, Duration.ofMillis(1), 10_000));
  }

  public static ServerConfig config(Path dir, SequencerLimits limits) {
    return config(dir, limits, WitnessPolicy.none());
  }

  public static ServerConfig config(Path dir, SequencerLimits limits, WitnessPolicy witnesses) {
    return new ServerConfig(
        dir,
        dir.resolve("log.key"),
        ORIGIN,
        "127.0.0.1",
        0,
        0,
        1 << 20,
        new AppendLimits(1024, limits.maxBatchEntries()),
        limits,
        100,
        StartupVerifier.Mode.FULL,
        witnesses,
        true,
        LedgerSettings.of(LogMode.OPAQUE),
        10_000,
        InstantSource.system(),
        Optional.empty(),
        HttpLimits.defaults(),
        SecuritySettings.none(),
        Optional.empty(),
        GrpcLimits.defaults(),
        false);
  }

  /** A ledger log (spec/ledger.md) with the defaults of {@link #config(Path)}. */
  public static ServerConfig ledgerConfig(Path dir) {
    ServerConfig c = config(dir);
    return c.toBuilder()
        .appendLimits(new AppendLimits(65535, c.sequencerLimits().maxBatchEntries()))
        .ledger(LedgerSettings.of(LogMode.LEDGER))
        .build();
  }

  /** {@code c} with at most {@code maxWatchers} WatchCheckpoints calls open at once. */
  public static ServerConfig withMaxWatchers(ServerConfig c, int maxWatchers) {
    return c.withMaxWatchers(maxWatchers);
  }

  public static TestLog start(ServerConfig config) throws IOException {
    return new TestLog(LogServer.start(config));
  }

  /** A server reporting through {@code ops} (its registry, readiness thresholds). */
  public static TestLog start(ServerConfig config, ServerOps ops) throws IOException {
    return new TestLog(LogServer.start(config, ops));
  }

  public static TestLog start(Path dir) throws IOException {
    return start(config(dir));
  }

  /** GET {@code path} from the HTTP API. */
  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
            .GET()
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }
}
