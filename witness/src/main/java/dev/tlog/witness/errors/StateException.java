package dev.tlog.witness.errors;

/** Durable state (LMDB, key file, evidence directory) cannot be read or written. HTTP 500. */
public final class StateException extends WitnessException {
  private static final long serialVersionUID = 1L;

  public StateException(String message) {
    super(message);
  }

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
