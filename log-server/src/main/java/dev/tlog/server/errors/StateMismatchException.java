package dev.tlog.server.errors;

/**
 * Stored state disagrees with itself (tree, chain, entries or checkpoint); the log refuses to
 * serve.
 */
public final class StateMismatchException extends LogException {
  private static final long serialVersionUID = 1L;

  public StateMismatchException(String message) {
    super(message);
  }

  public StateMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
