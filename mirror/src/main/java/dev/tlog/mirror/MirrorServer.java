package dev.tlog.mirror;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.mirror.follow.Follower;
import dev.tlog.mirror.follow.MirrorStatus;
import dev.tlog.mirror.follow.Served;
import dev.tlog.mirror.http.MirrorHttpApi;
import dev.tlog.mirror.metrics.MirrorMetrics;
import dev.tlog.mirror.store.MirrorStore;
import dev.tlog.mirror.upstream.Upstream;
import dev.tlog.mirror.verify.StoredTree;
import dev.tlog.runtime.health.Readiness;
import dev.tlog.runtime.storage.DirLock;
import dev.tlog.runtime.vertx.Await;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Optional;

/**
 * A running mirror: wires the store, the follower and the HTTP API by constructor and owns them. It
 * serves what is stored from the moment it starts, whether or not the upstream answers
 * (spec/mirror.md, "Starting").
 */
public final class MirrorServer implements AutoCloseable {
  /** The lock file inside the data directory. */
  public static final String LOCK_FILE = "mirror.lock";

  private final DirLock lock;
  private final MirrorStore store;
  private final MirrorStatus status;
  private final Follower follower;
  private final Vertx vertx;
  private final HttpServer http;

  private MirrorServer(MirrorSettings s, PrometheusMeterRegistry registry) {
    this.lock =
        DirLock.tryAcquire(s.dataDir(), LOCK_FILE)
            .orElseThrow(
                () ->
                    new MirrorStartException(
                        "data directory " + s.dataDir() + " is in use by another mirror"));
    MirrorStore opened = null;
    Vertx v = null;
    try {
      opened = MirrorStore.open(s.dataDir().resolve("lmdb"));
      this.store = opened;
      this.status = new MirrorStatus(loadServed(store, s), store.fork());
      MirrorMetrics metrics = new MirrorMetrics(registry, status::servedSize, status::forked);
      Readiness readiness =
          new Readiness(
              List.of(
                  new Readiness.Check(
                      "storage",
                      () -> store.isOpen() ? Optional.empty() : Optional.of("LMDB is closed")),
                  new Readiness.Check(
                      "fork",
                      () ->
                          status.forked()
                              ? Optional.of(
                                  "the upstream log forked; evidence at "
                                      + MirrorHttpApi.FORK_EVIDENCE)
                              : Optional.empty()),
                  new Readiness.Check(
                      "mirror",
                      () ->
                          status.snapshot().served().isEmpty()
                              ? Optional.of("no verified checkpoint yet")
                              : Optional.empty())));
      this.follower =
          new Follower(
              store, new Upstream(s.upstream()), s.logKey(), metrics, status, s.stepBytes());
      v = Vertx.vertx();
      this.vertx = v;
      MirrorHttpApi api =
          new MirrorHttpApi(
              vertx, status, new StoredTree(store::object), s.limits(), registry, readiness);
      this.http = await(api.listen(s.bind(), s.port()));
      follower.start(s.pollInterval());
    } catch (RuntimeException e) {
      if (v != null) {
        v.close();
      }
      if (opened != null) {
        opened.close();
      }
      lock.close();
      throw e;
    }
  }

  /** Starts a mirror with its own metrics registry. */
  public static MirrorServer start(MirrorSettings s) {
    return new MirrorServer(s, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  // The stored checkpoint, re-verified: a data directory of another log is refused.
  private static Optional<Served> loadServed(MirrorStore store, MirrorSettings s) {
    Optional<byte[]> note = store.servedNote();
    if (note.isEmpty()) {
      return Optional.empty();
    }
    try {
      Checkpoint c = Checkpoints.openSigned(note.get(), s.origin(), List.of(s.logKey()));
      return Optional.of(new Served(c, note.get()));
    } catch (MerkleException e) {
      throw new MirrorStartException(
          "the checkpoint stored in "
              + s.dataDir()
              + " does not verify under --log-key ("
              + e.getMessage()
              + "); it mirrors another log",
          e);
    }
  }

  /** The bound HTTP port. */
  public int port() {
    return http.actualPort();
  }

  /** What the mirror serves now. */
  public MirrorStatus status() {
    return status;
  }

  /** Polls the upstream once, now (tests; the follower polls on its own schedule too). */
  public Follower.Outcome pollNow() {
    return follower.poll();
  }

  @Override
  public void close() {
    try {
      follower.close();
      await(http.close());
      await(vertx.close());
    } finally {
      try {
        store.close();
      } finally {
        lock.close();
      }
    }
  }

  private static <T> T await(Future<T> f) {
    return Await.result(f, cause -> new MirrorStartException(cause.getMessage(), cause));
  }
}
