package dev.tlog.merkle.checkpoint;

import dev.tlog.merkle.MerkleException;

/** Text is not a well-formed C2SP checkpoint body, or a tlog extension line is malformed. */
public final class CheckpointFormatException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public CheckpointFormatException(String message) {
    super(message);
  }
}
