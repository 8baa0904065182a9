package dev.tlog.mirror.follow;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.tile.TileRef;
import dev.tlog.mirror.metrics.MirrorMetrics;
import dev.tlog.mirror.store.ForkEvidence;
import dev.tlog.mirror.store.MirrorStore;
import dev.tlog.mirror.upstream.Upstream;
import dev.tlog.mirror.upstream.UpstreamException;
import dev.tlog.mirror.verify.ForkCheck;
import dev.tlog.mirror.verify.GrowthVerifier;
import dev.tlog.mirror.verify.StoredTree;
import dev.tlog.mirror.verify.VerificationFailedException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the upstream every interval on its own thread and acts on what it finds (spec/mirror.md,
 * "Following"): a larger checkpoint is verified and committed; an older one consistent with the
 * mirrored tree is a stale upstream (kept serving ours); two signed checkpoints that cannot both be
 * true are recorded as fork evidence, after which the follower stops for good.
 */
public final class Follower implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Follower.class.getName());

  /** What one poll found. */
  public enum Outcome {
    ADVANCED,
    UP_TO_DATE,
    UPSTREAM_BEHIND,
    UPSTREAM_ERROR,
    VERIFY_FAILED,
    FORKED
  }

  private final MirrorStore store;
  private final Upstream upstream;
  private final String origin;
  private final List<NoteVerifier> logKey;
  private final MirrorMetrics metrics;
  private final MirrorStatus status;
  private final long stepBytes;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tlog-mirror-follower");
            t.setDaemon(true);
            return t;
          });

  public Follower(
      MirrorStore store,
      Upstream upstream,
      NoteVerifier logKey,
      MirrorMetrics metrics,
      MirrorStatus status,
      long stepBytes) {
    this.store = store;
    this.upstream = upstream;
    this.origin = logKey.name();
    this.logKey = List.of(logKey);
    this.metrics = metrics;
    this.status = status;
    this.stepBytes = stepBytes;
  }

  /** Polls now and then every {@code interval} after the previous poll ends, until closed. */
  public void start(Duration interval) {
    thread.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      // Storage trouble: keep serving what is committed, try again at the next poll.
      LOG.log(Level.ERROR, "poll of " + upstream.base() + " failed", e);
    }
  }

  /** One poll; what {@link #start} runs. Never throws for upstream or verification failures. */
  public synchronized Outcome poll() {
    if (status.forked()) {
      return Outcome.FORKED;
    }
    byte[] note;
    Checkpoint next;
    try {
      note = upstream.checkpoint();
      next = Checkpoints.openSigned(note, origin, logKey);
    } catch (UpstreamException e) {
      metrics.upstreamError();
      LOG.log(Level.WARNING, "cannot read the upstream checkpoint: " + e.getMessage());
      return Outcome.UPSTREAM_ERROR;
    } catch (MerkleException e) {
      return verifyFailed("upstream checkpoint does not verify: " + e.getMessage());
    }
    MirrorStatus.Snapshot now = status.snapshot();
    long size = now.served().map(Served::size).orElse(0L);
    Hash root = now.served().map(s -> s.checkpoint().root()).orElse(TreeHasher.emptyRoot());
    if (next.size() == size) {
      if (next.root().equals(root)) {
        if (now.served().isEmpty()) {
          commit(Map.of(), next, note);
        }
        return Outcome.UP_TO_DATE;
      }
      if (now.served().isEmpty()) {
        // Nothing mirrored yet: an empty tree with a non-empty root is invalid, not a fork.
        return verifyFailed(
            "checkpoint of size 0 has root " + next.root() + ", not the empty root");
      }
      return fork(now, note, "same tree size " + size + ", different root hashes");
    }
    if (next.size() < size) {
      return older(now, next, note);
    }
    return grow(now, size, root, next, note);
  }

  private Outcome older(MirrorStatus.Snapshot now, Checkpoint next, byte[] note) {
    Hash stored = new StoredTree(store::object).rootAt(next.size());
    if (!stored.equals(next.root())) {
      return fork(
          now,
          note,
          "the upstream's checkpoint of size "
              + next.size()
              + " has root "
              + next.root()
              + ", the mirrored tree's first "
              + next.size()
              + " leaves have root "
              + stored);
    }
    metrics.upstreamBehind();
    LOG.log(
        Level.INFO,
        "upstream serves size "
            + next.size()
            + ", consistent with but older than the mirrored size "
            + now.served().orElseThrow().size()
            + " (a stale cache?); still serving the mirrored checkpoint");
    return Outcome.UPSTREAM_BEHIND;
  }

  private Outcome grow(
      MirrorStatus.Snapshot now, long size, Hash root, Checkpoint next, byte[] note) {
    GrowthVerifier verifier =
        new GrowthVerifier(store::object, upstream::object, store::stage, stepBytes);
    Map<TileRef, byte[]> rest;
    try {
      rest = verifier.verify(size, next);
    } catch (UpstreamException e) {
      metrics.upstreamError();
      LOG.log(Level.WARNING, "cannot read the upstream's objects: " + e.getMessage());
      return Outcome.UPSTREAM_ERROR;
    } catch (VerificationFailedException e) {
      if (size > 0) {
        try {
          ForkCheck.Verdict v = ForkCheck.check(size, root, next, upstream::object);
          if (v == ForkCheck.Verdict.FORKED) {
            return fork(
                now,
                note,
                "the upstream's tree of size "
                    + next.size()
                    + " does not extend the mirrored tree of size "
                    + size
                    + " (consistency proof from its tiles)");
          }
        } catch (UpstreamException ue) {
          LOG.log(Level.WARNING, "fork check could not read the upstream: " + ue.getMessage());
        }
      }
      return verifyFailed(e.getMessage());
    }
    commit(rest, next, note);
    LOG.log(Level.INFO, "mirrored " + origin + " up to size " + next.size());
    return Outcome.ADVANCED;
  }

  private void commit(Map<TileRef, byte[]> bodies, Checkpoint next, byte[] note) {
    store.commit(bodies, note);
    status.serve(new Served(next, note));
  }

  private Outcome verifyFailed(String why) {
    metrics.verifyFailed();
    LOG.log(Level.WARNING, "not advancing: " + why + "; retrying at the next poll");
    return Outcome.VERIFY_FAILED;
  }

  private Outcome fork(MirrorStatus.Snapshot now, byte[] upstreamNote, String reason) {
    String mirrored = new String(now.served().orElseThrow().note(), StandardCharsets.UTF_8);
    ForkEvidence evidence =
        new ForkEvidence(mirrored, new String(upstreamNote, StandardCharsets.UTF_8), reason);
    store.recordFork(evidence);
    status.fork(evidence);
    LOG.log(
        Level.ERROR,
        "the upstream log forked: "
            + reason
            + "; evidence stored, no longer serving the log (spec/mirror.md, \"Forks\")");
    return Outcome.FORKED;
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
