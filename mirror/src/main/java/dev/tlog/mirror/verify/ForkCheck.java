package dev.tlog.mirror.verify;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.proof.RootMismatchException;
import dev.tlog.merkle.tile.TileHashReader;
import dev.tlog.merkle.tile.TileSource;
import java.util.List;

/**
 * Decides whether a larger signed checkpoint whose objects failed to verify proves a fork: reads
 * the RFC 9162 §2.1.4 consistency proof from the mirrored size to the new size out of the
 * upstream's tiles and recomputes both roots from it. If the proof leads to the new checkpoint's
 * root (so its hashes are that tree's, barring a SHA-256 collision) but to a root other than the
 * mirrored one at the mirrored size, the two signed checkpoints cannot both be true: {@link
 * Verdict#FORKED}. If it does not even lead to the new root, the upstream's tiles are merely bad:
 * {@link Verdict#UNPROVEN}.
 */
public final class ForkCheck {
  /** What the consistency proof shows. */
  public enum Verdict {
    /** The new checkpoint extends the mirrored one; the failure lay elsewhere (a bad bundle). */
    CONSISTENT,
    /** The new checkpoint's tree does not extend the mirrored tree: a proven fork. */
    FORKED,
    /** The upstream's tiles do not lead to the new checkpoint's root: nothing is proven. */
    UNPROVEN
  }

  private ForkCheck() {}

  /**
   * Checks {@code next} against the mirrored tree of {@code oldSize} leaves with {@code oldRoot},
   * reading the upstream's tiles of {@code next.size()} from {@code upstreamTiles}. Failures of the
   * source itself propagate.
   */
  public static Verdict check(
      long oldSize, Hash oldRoot, Checkpoint next, TileSource upstreamTiles) {
    if (oldSize < 1 || oldSize >= next.size()) {
      throw new IllegalArgumentException(
          "fork check needs 0 < old size < new size, got " + oldSize + " -> " + next.size());
    }
    try {
      TileHashReader reader = new TileHashReader(upstreamTiles, next.size());
      ConsistencyProof proof = Proofs.proveConsistency(oldSize, next.size(), reader);
      // RFC 9162 §2.1.4.2 seeds with the old root when the old size is a power of two; the proof
      // then does not carry the old tree's hash, so read it from the tiles to test it alone.
      Hash seed =
          Long.bitCount(oldSize) == 1
              ? reader
                  .readHashes(List.of(new NodeId(Long.numberOfTrailingZeros(oldSize), 0)))
                  .get(0)
              : firstRoot(proof, oldRoot, next.root());
      if (!leadsTo(proof, seed, next.root())) {
        return Verdict.UNPROVEN;
      }
      return seed.equals(oldRoot) ? Verdict.CONSISTENT : Verdict.FORKED;
    } catch (MerkleException e) {
      return Verdict.UNPROVEN;
    }
  }

  // The first root the proof computes (the proof's own, whatever the caller trusts).
  private static Hash firstRoot(ConsistencyProof proof, Hash oldRoot, Hash newRoot) {
    try {
      Proofs.checkConsistency(proof, oldRoot, newRoot);
      return oldRoot;
    } catch (RootMismatchException e) {
      return e.treeSize() == proof.first() ? e.computed() : oldRoot;
    }
  }

  private static boolean leadsTo(ConsistencyProof proof, Hash firstRoot, Hash newRoot) {
    try {
      Proofs.checkConsistency(proof, firstRoot, newRoot);
      return true;
    } catch (MerkleException e) {
      return false;
    }
  }
}
