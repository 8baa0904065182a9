package dev.tlog.merkle.note;

import dev.tlog.merkle.MerkleException;

/** A verifier key, private key or key name is malformed, or its key hash does not match the key. */
public class KeyFormatException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public KeyFormatException(String message) {
    super(message);
  }
}
