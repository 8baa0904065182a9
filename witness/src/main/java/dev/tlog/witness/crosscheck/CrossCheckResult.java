package dev.tlog.witness.crosscheck;

import java.net.URI;
import java.util.Optional;

/** What one cross-check of one origin with one peer found. */
public record CrossCheckResult(URI peer, String origin, Outcome outcome, String detail) {
  /** Possible findings. */
  public enum Outcome {
    /** Both views agree: same checkpoint, or one provably extends the other. */
    CONSISTENT,
    /** The views conflict; fork evidence was stored (its id is the detail). */
    FORK,
    /** The peer's view could not be compared (no tiles, tiles unavailable or not matching). */
    INCONCLUSIVE,
    /** The peer served a checkpoint whose log signature or cosignature does not verify. */
    INVALID,
    /** Nothing to compare: one of the two witnesses has no checkpoint for the origin. */
    SKIPPED
  }

  /** The evidence id when the outcome is {@link Outcome#FORK}. */
  public Optional<String> evidenceId() {
    return outcome == Outcome.FORK ? Optional.of(detail) : Optional.empty();
  }
}
