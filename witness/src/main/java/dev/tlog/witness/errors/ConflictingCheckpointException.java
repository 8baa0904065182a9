package dev.tlog.witness.errors;

import dev.tlog.merkle.hash.Hash;

/**
 * A validly signed checkpoint has the witness's recorded size but another root hash: fork evidence.
 * HTTP 409 (C2SP), with the recorded size as body like {@link OldSizeMismatchException}.
 */
public final class ConflictingCheckpointException extends WitnessException {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final transient Hash recordedRoot;
  private final transient Hash presentedRoot;
  private final String evidenceId;

  public ConflictingCheckpointException(
      long size, Hash recordedRoot, Hash presentedRoot, String evidenceId) {
    super(
        "checkpoint of size "
            + size
            + " has root "
            + presentedRoot
            + ", this witness recorded "
            + recordedRoot
            + " for that size; fork evidence "
            + evidenceId);
    this.size = size;
    this.recordedRoot = recordedRoot;
    this.presentedRoot = presentedRoot;
    this.evidenceId = evidenceId;
  }

  public long size() {
    return size;
  }

  public Hash recordedRoot() {
    return recordedRoot;
  }

  public Hash presentedRoot() {
    return presentedRoot;
  }

  /** The id of the stored fork evidence. */
  public String evidenceId() {
    return evidenceId;
  }
}
