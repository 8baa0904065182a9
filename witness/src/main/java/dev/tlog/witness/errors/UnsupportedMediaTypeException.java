package dev.tlog.witness.errors;

/** The request body is declared as a media type the endpoint does not take. HTTP 415. */
public final class UnsupportedMediaTypeException extends WitnessException {
  private static final long serialVersionUID = 1L;

  public UnsupportedMediaTypeException(String message) {
    super(message);
  }
}
