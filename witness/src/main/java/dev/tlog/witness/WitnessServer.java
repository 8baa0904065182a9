package dev.tlog.witness;

import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.runtime.health.Readiness;
import dev.tlog.runtime.vertx.Await;
import dev.tlog.witness.config.CosignerKeyFile;
import dev.tlog.witness.core.SubmissionCosigner;
import dev.tlog.witness.crosscheck.CrossCheckResult;
import dev.tlog.witness.crosscheck.CrossChecker;
import dev.tlog.witness.fork.ForkEvidenceStore;
import dev.tlog.witness.fork.ForkRecorder;
import dev.tlog.witness.http.WitnessHttpApi;
import dev.tlog.witness.metrics.WitnessMetrics;
import dev.tlog.witness.state.WitnessDirLock;
import dev.tlog.witness.state.WitnessState;
import dev.tlog.witness.state.lmdb.LmdbWitnessState;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * A running witness: key, LMDB state, evidence store, HTTP API and the periodic cross-check, wired
 * by constructor. {@link #close()} stops the HTTP server, waits for the writer and closes LMDB.
 */
public final class WitnessServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WitnessServer.class.getName());

  private final WitnessDirLock lock;
  private final Vertx vertx;
  private final WorkerExecutor writer;
  private final WitnessState state;
  private final Cosigner cosigner;
  private final CrossChecker crossChecker;
  private final ForkEvidenceStore forks;
  private final ForkRecorder recorder;
  private final PrometheusMeterRegistry registry;
  private final WitnessMetrics metrics;
  private HttpServer http;

  private WitnessServer(WitnessSettings s, PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.metrics = new WitnessMetrics(registry);
    // First: one witness per data directory, before its key or state is touched.
    this.lock = WitnessDirLock.acquire(s.dataDir());
    WitnessState opened = null;
    try {
      Path stateDir = s.dataDir().resolve("state");
      // Before anything is written: the key decides which witness this is.
      this.cosigner =
          CosignerKeyFile.loadOrCreate(
              s.keyFile(), s.name(), LmdbWitnessState.exists(stateDir), new SecureRandom());
      opened = LmdbWitnessState.open(stateDir);
      this.forks = new ForkEvidenceStore(s.dataDir().resolve("forks"));
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      lock.close();
      throw e;
    }
    this.state = opened;
    this.recorder = new ForkRecorder(forks, s.clock(), metrics);
    this.crossChecker = new CrossChecker(s.config(), state, recorder);
    this.vertx = Vertx.vertx();
    this.writer = vertx.createSharedWorkerExecutor("tlog-witness-writer", 1);
  }

  /** Starts a witness with a registry of its own and returns once it listens. */
  public static WitnessServer start(WitnessSettings s) {
    return start(s, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Starts a witness keeping its meters in {@code registry} (served at {@code /metrics}). */
  public static WitnessServer start(WitnessSettings s, PrometheusMeterRegistry registry) {
    WitnessServer server = new WitnessServer(s, registry);
    try {
      SubmissionCosigner witness =
          new SubmissionCosigner(server.state, server.cosigner, server.recorder, s.clock());
      server.startHttp(s, witness);
      if (!s.crossCheckInterval().isZero() && !s.config().peers().isEmpty()) {
        long ms = Math.max(1, s.crossCheckInterval().toMillis());
        server.vertx.setPeriodic(ms, ms, id -> server.crossCheck());
      }
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void startHttp(WitnessSettings s, SubmissionCosigner witness) {
    WitnessHttpApi api =
        new WitnessHttpApi(
            vertx,
            writer,
            s.config(),
            witness,
            forks,
            cosigner.verifierKey(),
            s.http(),
            new WitnessHttpApi.Ops(metrics, registry, readiness()));
    this.http = await(api.listen(s.bind(), s.port()));
  }

  /** spec/witness.md, "Health": the state store open and the cosigning key loaded. */
  private Readiness readiness() {
    return new Readiness(
        List.of(
            new Readiness.Check(
                "state",
                () ->
                    state.isOpen() ? Optional.empty() : Optional.of("LMDB state store is closed")),
            new Readiness.Check(
                "key",
                () ->
                    cosigner != null ? Optional.empty() : Optional.of("no cosigning key loaded"))));
  }

  /** Runs one cross-check round on a worker thread (rounds never overlap). */
  public Future<List<CrossCheckResult>> crossCheck() {
    return vertx
        .executeBlocking(crossChecker::runOnce, true)
        .onFailure(e -> LOG.log(System.Logger.Level.ERROR, "cross-check failed", e));
  }

  /** The port the HTTP API listens on. */
  public int port() {
    return http.actualPort();
  }

  /** The cosigner's verifier key (note vkey format, type 0x04). */
  public String verifierKey() {
    return cosigner.verifierKey();
  }

  /** Where fork evidence files are kept. */
  public ForkEvidenceStore forks() {
    return forks;
  }

  @Override
  public void close() {
    try {
      if (http != null) {
        await(http.close());
      }
      await(writer.close());
      await(vertx.close());
    } finally {
      try {
        state.close();
      } finally {
        lock.close();
      }
    }
  }

  private static <T> T await(Future<T> f) {
    return Await.result(f, IllegalStateException::new);
  }
}
