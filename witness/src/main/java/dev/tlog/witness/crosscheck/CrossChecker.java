package dev.tlog.witness.crosscheck;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.checkpoint.OpenedCheckpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.tile.FallbackTileSource;
import dev.tlog.merkle.tile.TileHashReader;
import dev.tlog.merkle.tile.TileSource;
import dev.tlog.witness.config.LogConfig;
import dev.tlog.witness.config.PeerConfig;
import dev.tlog.witness.config.WitnessConfig;
import dev.tlog.witness.crosscheck.CrossCheckResult.Outcome;
import dev.tlog.witness.fork.ForkRecorder;
import dev.tlog.witness.fork.PrefixProof;
import dev.tlog.witness.http.OriginPath;
import dev.tlog.witness.state.StoredCheckpoint;
import dev.tlog.witness.state.WitnessState;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares this witness's latest checkpoint of every configured log with what each peer witness
 * cosigned (spec/witness.md, "Cross-checking"). Equal sizes must have equal roots; for different
 * sizes a prefix proof is built from the log's tiles at the larger size, and must reproduce the
 * larger signed root and give the smaller size the smaller checkpoint's root. A conflict is
 * recorded as fork evidence; this witness's own state never changes.
 *
 * <p>Blocking (HTTP and LMDB): run {@link #runOnce} on a worker thread. Thread-safe.
 */
public final class CrossChecker {
  private static final System.Logger LOG = System.getLogger(CrossChecker.class.getName());

  private final WitnessConfig config;
  private final WitnessState state;
  private final ForkRecorder forks;
  private final HttpFetcher http;

  public CrossChecker(WitnessConfig config, WitnessState state, ForkRecorder forks) {
    this.config = config;
    this.state = state;
    this.forks = forks;
    this.http = HttpFetcher.create();
  }

  /** Checks every (peer, log) pair once. */
  public List<CrossCheckResult> runOnce() {
    List<CrossCheckResult> results = new ArrayList<>();
    for (PeerConfig peer : config.peers()) {
      for (LogConfig log : config.logs().values()) {
        CrossCheckResult r = check(peer, log);
        Level level = r.outcome() == Outcome.INVALID ? Level.WARNING : Level.DEBUG;
        LOG.log(
            level,
            "cross-check {0} {1}: {2} {3}",
            peer.url(),
            log.origin(),
            r.outcome(),
            r.detail());
        results.add(r);
      }
    }
    return results;
  }

  private CrossCheckResult check(PeerConfig peer, LogConfig log) {
    Optional<StoredCheckpoint> ours = state.latest(log.origin());
    if (ours.isEmpty()) {
      return result(peer, log, Outcome.SKIPPED, "this witness has no checkpoint");
    }
    URI url = peer.url().resolve("checkpoint/" + OriginPath.encode(log.origin()));
    Optional<byte[]> body;
    try {
      body = http.get(url, Note.MAX_NOTE_BYTES);
    } catch (UncheckedIOException e) {
      return result(peer, log, Outcome.INCONCLUSIVE, e.getCause().getMessage());
    }
    if (body.isEmpty()) {
      return result(peer, log, Outcome.SKIPPED, "peer has no checkpoint");
    }
    StoredCheckpoint theirs;
    try {
      OpenedCheckpoint signed = Checkpoints.open(body.get(), log.origin(), log.keys());
      Notes.open(body.get(), List.of(peer.key()));
      theirs =
          new StoredCheckpoint(
              new Note(signed.note().text(), signed.note().verified()), signed.checkpoint());
    } catch (MerkleException e) {
      return result(peer, log, Outcome.INVALID, e.getMessage());
    }
    return compare(peer, log, ours.get(), theirs);
  }

  private CrossCheckResult compare(
      PeerConfig peer, LogConfig log, StoredCheckpoint ours, StoredCheckpoint theirs) {
    String via = "cross-check with " + peer.url();
    StoredCheckpoint small = ours.size() <= theirs.size() ? ours : theirs;
    StoredCheckpoint large = small == ours ? theirs : ours;
    Hash smallRoot = small.checkpoint().root();
    Hash largeRoot = large.checkpoint().root();
    if (small.size() == large.size()) {
      if (smallRoot.equals(largeRoot)) {
        return result(peer, log, Outcome.CONSISTENT, "same checkpoint, size " + small.size());
      }
      return result(peer, log, Outcome.FORK, forks.record(log, ours, theirs, List.of(), via));
    }
    if (small.size() == 0) {
      return smallRoot.equals(TreeHasher.emptyRoot())
          ? result(peer, log, Outcome.CONSISTENT, "empty tree")
          : result(peer, log, Outcome.INVALID, "size-0 checkpoint with a non-empty root");
    }
    if (log.tiles().isEmpty()) {
      return result(peer, log, Outcome.INCONCLUSIVE, "no tiles URL configured to compare sizes");
    }
    List<Hash> proof;
    try {
      var reader = new TileHashReader(tiles(log.tiles().get()), large.size());
      proof = PrefixProof.prove(small.size(), large.size(), reader);
    } catch (MerkleException | UncheckedIOException e) {
      return result(
          peer, log, Outcome.INCONCLUSIVE, "cannot read the log's tiles: " + e.getMessage());
    }
    PrefixProof.Roots roots = PrefixProof.fold(small.size(), large.size(), proof);
    if (!roots.second().equals(largeRoot)) {
      return result(
          peer,
          log,
          Outcome.INCONCLUSIVE,
          "the log's tiles do not match its signed checkpoint of size " + large.size());
    }
    if (roots.first().equals(smallRoot)) {
      return result(
          peer,
          log,
          Outcome.CONSISTENT,
          "size " + small.size() + " is a prefix of " + large.size());
    }
    return result(peer, log, Outcome.FORK, forks.record(log, ours, theirs, proof, via));
  }

  private static CrossCheckResult result(
      PeerConfig peer, LogConfig log, Outcome outcome, String detail) {
    return new CrossCheckResult(peer.url(), log.origin(), outcome, detail);
  }

  /**
   * The log's hash tiles at {@code prefix}, bounded, a missing partial tile read from the full one.
   */
  private TileSource tiles(URI prefix) {
    return new FallbackTileSource(
        (path, max) -> http.get(prefix.resolve(path), max), prefix.toString());
  }
}
