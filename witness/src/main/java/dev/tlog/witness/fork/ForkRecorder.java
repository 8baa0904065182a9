package dev.tlog.witness.fork;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Note;
import dev.tlog.witness.config.LogConfig;
import dev.tlog.witness.metrics.WitnessMetrics;
import dev.tlog.witness.state.StoredCheckpoint;
import java.time.Clock;
import java.util.List;

/**
 * Turns two conflicting signed checkpoints of one log into a stored, verified evidence file and an
 * alert in the log. Used by add-checkpoint and by cross-checking. Thread-safe.
 */
public final class ForkRecorder {
  private static final System.Logger LOG = System.getLogger(ForkRecorder.class.getName());

  private final ForkEvidenceStore store;
  private final Clock clock;
  private final WitnessMetrics metrics;

  public ForkRecorder(ForkEvidenceStore store, Clock clock, WitnessMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Records that {@code a} and {@code b} conflict. {@code prefixProof} leads from the smaller size
   * to the larger (empty for equal sizes). The evidence is verified before it is stored, so the
   * witness never accuses a log on evidence that would not convince someone else.
   *
   * @return the evidence id
   * @throws InvalidEvidenceException if the evidence does not prove a fork (nothing is stored)
   */
  public String record(
      LogConfig log, StoredCheckpoint a, StoredCheckpoint b, List<Hash> prefixProof, String via) {
    boolean aFirst = a.size() <= b.size();
    Note first = aFirst ? a.note() : b.note();
    Note second = aFirst ? b.note() : a.note();
    List<String> keys = log.verifierKeys();
    ForkEvidence evidence =
        ForkEvidence.of(
            log.origin(),
            keys,
            first.serialize(),
            second.serialize(),
            prefixProof,
            clock.instant().toString(),
            via);
    evidence.verify(log.keys());
    String id = store.save(evidence);
    metrics.forkDetected(via);
    LOG.log(
        System.Logger.Level.ERROR,
        "FORK DETECTED for log \"{0}\": checkpoints of sizes {1} and {2} conflict ({3});"
            + " evidence {4} saved to {5}",
        log.origin(),
        a.size(),
        b.size(),
        via,
        id,
        store.file(id));
    return id;
  }
}
