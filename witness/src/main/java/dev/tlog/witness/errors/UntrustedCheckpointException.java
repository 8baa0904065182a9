package dev.tlog.witness.errors;

/**
 * No signature on the checkpoint verifies with a configured key of its log, or a signature by a
 * configured key is invalid. HTTP 403 (C2SP).
 */
public final class UntrustedCheckpointException extends WitnessException {
  private static final long serialVersionUID = 1L;

  public UntrustedCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
