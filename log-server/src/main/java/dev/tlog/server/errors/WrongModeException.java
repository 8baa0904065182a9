package dev.tlog.server.errors;

/**
 * The request needs a log of the other mode (spec/ledger.md, "Modes"): ledger queries on an opaque
 * log. Retrying cannot help; the log's mode is fixed when it is created.
 */
public final class WrongModeException extends LogException {
  private static final long serialVersionUID = 1L;

  public WrongModeException(String message) {
    super(message);
  }
}
