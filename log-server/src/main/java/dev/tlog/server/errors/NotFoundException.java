package dev.tlog.server.errors;

/** The requested item (entry, leaf hash, checkpoint) does not exist. */
public final class NotFoundException extends LogException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
