package dev.tlog.witness.errors;

/** The request (body, path) is not well formed, or breaks a stated limit. HTTP 400. */
public final class MalformedRequestException extends WitnessException {
  private static final long serialVersionUID = 1L;

  public MalformedRequestException(String message) {
    super(message);
  }

  public MalformedRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
