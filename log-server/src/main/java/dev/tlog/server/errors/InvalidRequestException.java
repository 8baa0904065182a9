package dev.tlog.server.errors;

/** The request is malformed or violates a documented limit; nothing was changed. */
public final class InvalidRequestException extends LogException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
