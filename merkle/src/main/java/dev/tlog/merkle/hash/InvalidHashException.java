package dev.tlog.merkle.hash;

import dev.tlog.merkle.MerkleException;

/** A hash value was not 32 bytes or not validly encoded. */
public final class InvalidHashException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public InvalidHashException(String message) {
    super(message);
  }
}
