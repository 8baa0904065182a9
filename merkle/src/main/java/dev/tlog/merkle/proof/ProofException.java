package dev.tlog.merkle.proof;

import dev.tlog.merkle.MerkleException;

/** A proof request or a proof was rejected. The subclass says why. */
public abstract sealed class ProofException extends MerkleException
    permits IndexOutOfRangeException, ProofLengthException, RootMismatchException {
  private static final long serialVersionUID = 1L;

  protected ProofException(String message) {
    super(message);
  }
}
