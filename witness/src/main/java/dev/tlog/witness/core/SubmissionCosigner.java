package dev.tlog.witness.core;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.ProofException;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.witness.config.LogConfig;
import dev.tlog.witness.errors.ConflictingCheckpointException;
import dev.tlog.witness.errors.InconsistentCheckpointException;
import dev.tlog.witness.errors.OldSizeMismatchException;
import dev.tlog.witness.fork.ForkRecorder;
import dev.tlog.witness.fork.InvalidEvidenceException;
import dev.tlog.witness.fork.PrefixProof;
import dev.tlog.witness.state.StoredCheckpoint;
import dev.tlog.witness.state.WitnessState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The stateful half of add-checkpoint (C2SP tlog-witness): compare with the recorded checkpoint,
 * check consistency, persist durably, then cosign.
 *
 * <p>Threading: {@link #apply} must be called from one thread at a time (the witness's single
 * writer thread), which makes check-then-persist atomic per origin; {@link
 * WitnessState#compareAndSet} guards it a second time. {@link #latestCosigned} may run on any
 * thread.
 */
public final class SubmissionCosigner {
  private static final System.Logger LOG = System.getLogger(SubmissionCosigner.class.getName());

  /** How fork evidence found by add-checkpoint names its source. */
  public static final String VIA_ADD_CHECKPOINT = "add-checkpoint";

  private final WitnessState state;
  private final Cosigner cosigner;
  private final ForkRecorder forks;
  private final Clock clock;

  public SubmissionCosigner(
      WitnessState state, Cosigner cosigner, ForkRecorder forks, Clock clock) {
    this.state = state;
    this.cosigner = cosigner;
    this.forks = forks;
    this.clock = clock;
  }

  /**
   * Accepts {@code s} if it extends the recorded checkpoint, persists it, and returns this
   * witness's cosignature on it (timestamped after the state is durable).
   *
   * @throws OldSizeMismatchException if {@code old} is not the recorded size (409)
   * @throws ConflictingCheckpointException same size, different root; evidence stored (409)
   * @throws InconsistentCheckpointException the proof does not verify (422)
   */
  public NoteSignature apply(Submission s) {
    String origin = s.log().origin();
    Optional<StoredCheckpoint> recorded = state.latest(origin);
    long recordedSize = recorded.map(StoredCheckpoint::size).orElse(0L);
    if (s.oldSize() != recordedSize) {
      throw new OldSizeMismatchException(origin, s.oldSize(), recordedSize);
    }
    Checkpoint next = s.checkpoint().checkpoint();
    if (recorded.isPresent() && next.size() == recordedSize) {
      Hash root = recorded.get().checkpoint().root();
      if (!next.root().equals(root)) {
        String id =
            forks.record(s.log(), recorded.get(), s.checkpoint(), List.of(), VIA_ADD_CHECKPOINT);
        throw new ConflictingCheckpointException(next.size(), root, next.root(), id);
      }
    }
    Hash firstRoot = recorded.map(r -> r.checkpoint().root()).orElse(TreeHasher.emptyRoot());
    ConsistencyProof proof = new ConsistencyProof(s.oldSize(), next.size(), s.proof());
    try {
      Proofs.checkConsistency(proof, firstRoot, next.root());
    } catch (ProofException e) {
      String id = recorded.map(r -> evidenceFromProof(s, r, proof)).orElse(null);
      throw new InconsistentCheckpointException(
          "consistency proof from size "
              + s.oldSize()
              + " to "
              + next.size()
              + " does not verify: "
              + e.getMessage(),
          id);
    }
    if (recorded.isEmpty() || next.size() > recordedSize) {
      state.compareAndSet(origin, recordedSize, s.checkpoint());
    }
    return cosigner.cosign(next, clock.instant().getEpochSecond());
  }

  /**
   * Fork evidence from a proof that failed, if the proof itself shows the two checkpoints to be
   * inconsistent: it must reproduce the new signed root from an explicit seed, and give the old
   * size another root than the recorded one. A proof that is merely wrong proves nothing (anyone
   * may submit a log's checkpoint with a bad proof), so it is refused without evidence.
   */
  private String evidenceFromProof(Submission s, StoredCheckpoint recorded, ConsistencyProof p) {
    Optional<List<Hash>> prefix = PrefixProof.fromConsistencyProof(p);
    if (prefix.isEmpty() || prefix.get().size() != expectedPrefixLength(p)) {
      return null;
    }
    PrefixProof.Roots roots = PrefixProof.fold(p.first(), p.second(), prefix.get());
    if (!roots.second().equals(s.checkpoint().checkpoint().root())
        || roots.first().equals(recorded.checkpoint().root())) {
      return null;
    }
    try {
      return forks.record(s.log(), recorded, s.checkpoint(), prefix.get(), VIA_ADD_CHECKPOINT);
    } catch (InvalidEvidenceException e) {
      LOG.log(System.Logger.Level.WARNING, "evidence from a failed proof did not verify", e);
      return null;
    }
  }

  private static int expectedPrefixLength(ConsistencyProof p) {
    return Proofs.consistencyProofSize(p.first(), p.second());
  }

  /**
   * The latest checkpoint recorded for {@code log}, with its log signatures and a fresh cosignature
   * by this witness; empty if the witness has none.
   */
  public Optional<Note> latestCosigned(LogConfig log) {
    return state
        .latest(log.origin())
        .map(
            r ->
                r.note()
                    .withSignature(
                        cosigner.cosign(r.checkpoint(), clock.instant().getEpochSecond())));
  }
}
