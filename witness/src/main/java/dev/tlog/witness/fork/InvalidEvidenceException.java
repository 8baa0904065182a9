package dev.tlog.witness.fork;

/** Fork evidence does not prove a fork: bad signature, malformed, or the checkpoints agree. */
public final class InvalidEvidenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidEvidenceException(String message) {
    super(message);
  }

  public InvalidEvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
