package dev.tlog.witness.errors;

import java.util.Optional;

/**
 * The consistency proof from the witness's checkpoint to the submitted one does not verify. HTTP
 * 422 (C2SP). When the proof itself shows the log's two checkpoints to be inconsistent, fork
 * evidence was stored and {@link #evidenceId()} names it.
 */
public final class InconsistentCheckpointException extends WitnessException {
  private static final long serialVersionUID = 1L;

  private final String evidenceId;

  public InconsistentCheckpointException(String message, String evidenceId) {
    super(evidenceId == null ? message : message + "; fork evidence " + evidenceId);
    this.evidenceId = evidenceId;
  }

  public Optional<String> evidenceId() {
    return Optional.ofNullable(evidenceId);
  }
}
