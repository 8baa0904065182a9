package dev.tlog.witness.errors;

/** A read API resource (checkpoint, evidence) does not exist. HTTP 404. */
public final class NotFoundException extends WitnessException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
