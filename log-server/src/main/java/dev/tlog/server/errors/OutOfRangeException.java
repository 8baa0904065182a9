package dev.tlog.server.errors;

/** A requested index or size lies beyond the current tree; nothing was changed. */
public final class OutOfRangeException extends LogException {
  private static final long serialVersionUID = 1L;

  public OutOfRangeException(String message) {
    super(message);
  }

  public OutOfRangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
