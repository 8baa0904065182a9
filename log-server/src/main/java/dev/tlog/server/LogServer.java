package dev.tlog.server;

import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.server.api.grpc.LogGrpcService;
import dev.tlog.server.api.http.TileHttpApi;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.integrate.Integrator;
import dev.tlog.server.keys.LogKeyFile;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.sequencer.Sequencer;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A running log: storage, verified state, sequencer, gRPC and HTTP listeners, wired by constructor.
 * {@link #close()} stops accepting, lets in-flight batches finish and be acknowledged, then closes
 * LMDB.
 */
public final class LogServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LogServer.class.getName());

  private final LmdbLogStorage storage;
  private final Ed25519NoteSigner key;
  private final Sequencer sequencer;
  private final CheckpointFeed feed;
  private final Server grpc;
  private final Vertx vertx;
  private final HttpServer http;

  private LogServer(ServerConfig config) throws IOException {
    this.key = LogKeyFile.loadOrCreate(config.keyFile(), config.origin(), new SecureRandom());
    this.storage =
        LmdbLogStorage.open(
            config.dataDir().resolve("log"), config.origin(), config.initialMapSize());
    Sequencer seq = null;
    Vertx vx = null;
    Server g = null;
    try {
      NoteVerifier verifier = VerifierKeys.parse(key.verifierKey());
      CheckpointSigner signer = new CheckpointSigner(config.origin(), key);
      SignedCheckpoint current =
          new StartupVerifier(storage, signer, verifier).verify(config.verifyMode());
      this.feed = new CheckpointFeed();
      Integrator integrator = new Integrator(storage, signer, feed, current);
      seq = new Sequencer(integrator, config.sequencerLimits());
      LogReads reads = new LogReads(storage, feed, config.maxEntriesPerPage());
      g =
          NettyServerBuilder.forAddress(new InetSocketAddress(config.bindHost(), config.grpcPort()))
              .addService(new LogGrpcService(config.appendLimits(), seq, reads, feed))
              .maxInboundMessageSize(
                  config.appendLimits().maxBatchEntries()
                          * (config.appendLimits().maxEntryBytes() + 16)
                      + 1024)
              .build()
              .start();
      vx = Vertx.vertx();
      this.http =
          new TileHttpApi(vx, reads, storage, key.verifierKey())
              .listen(config.bindHost(), config.httpPort())
              .toCompletionStage()
              .toCompletableFuture()
              .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(seq, g, vx);
      storage.close();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException e) {
      closeQuietly(seq, g, vx);
      storage.close();
      throw new IOException(
          "cannot start HTTP listener: " + e.getCause().getMessage(), e.getCause());
    } catch (RuntimeException | IOException e) {
      closeQuietly(seq, g, vx);
      storage.close();
      throw e;
    }
    this.sequencer = seq;
    this.grpc = g;
    this.vertx = vx;
  }

  /** Opens storage, verifies it, and starts both listeners. */
  public static LogServer start(ServerConfig config) throws IOException {
    return new LogServer(config);
  }

  public int grpcPort() {
    return grpc.getPort();
  }

  public int httpPort() {
    return http.actualPort();
  }

  /** The log's verifier key in note vkey format. */
  public String verifierKey() {
    return key.verifierKey();
  }

  public String origin() {
    return storage.origin();
  }

  public CheckpointFeed checkpoints() {
    return feed;
  }

  private static void closeQuietly(Sequencer seq, Server g, Vertx vx) {
    if (g != null) {
      g.shutdownNow();
    }
    if (seq != null) {
      seq.close();
    }
    if (vx != null) {
      vx.close();
    }
  }

  @Override
  public void close() {
    LOG.log(System.Logger.Level.INFO, "stopping: finishing in-flight batches");
    grpc.shutdown();
    sequencer.close();
    try {
      if (!grpc.awaitTermination(5, TimeUnit.SECONDS)) {
        grpc.shutdownNow();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "error while stopping listeners", e);
    }
    storage.close();
    LOG.log(System.Logger.Level.INFO, "stopped");
  }
}
