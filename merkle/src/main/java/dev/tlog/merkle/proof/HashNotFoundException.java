package dev.tlog.merkle.proof;

import dev.tlog.merkle.MerkleException;

/** A {@link HashReader} does not hold a requested node hash. */
public final class HashNotFoundException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public HashNotFoundException(String message) {
    super(message);
  }
}
