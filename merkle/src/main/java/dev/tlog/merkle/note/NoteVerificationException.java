package dev.tlog.merkle.note;

import dev.tlog.merkle.MerkleException;

/**
 * A well-formed note failed verification: a signature from a known key did not verify, or no
 * signature came from a known key.
 */
public final class NoteVerificationException extends MerkleException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    /** A signature whose (name, key hash) matches a known key did not verify. */
    INVALID_SIGNATURE,
    /** No signature in the note was made by a known key. */
    NO_TRUSTED_SIGNATURE
  }

  private final Reason reason;

  public NoteVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
