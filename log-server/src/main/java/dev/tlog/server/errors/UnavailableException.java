package dev.tlog.server.errors;

/** The log is shutting down or not yet ready; retrying later (elsewhere) may succeed. */
public final class UnavailableException extends LogException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }
}
