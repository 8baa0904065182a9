package dev.tlog.merkle.witness;

import dev.tlog.merkle.MerkleException;

/** An add-checkpoint request body is malformed or breaks a limit (a witness answers 400). */
public final class AddCheckpointFormatException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public AddCheckpointFormatException(String message) {
    super(message);
  }

  public AddCheckpointFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
