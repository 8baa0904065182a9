package dev.tlog.client;

/**
 * The log contradicts a checkpoint it signed earlier: it rolled back (a smaller latest tree) or
 * forked (a tree that does not extend the earlier one). This is evidence of misbehaviour, never a
 * transient error.
 */
public final class LogConsistencyException extends TlogClientException {
  private static final long serialVersionUID = 1L;

  /** What kind of contradiction. */
  public enum Kind {
    ROLLBACK,
    FORK
  }

  private final Kind kind;
  private final long previousSize;
  private final long currentSize;

  public LogConsistencyException(
      Kind kind, long previousSize, long currentSize, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.previousSize = previousSize;
    this.currentSize = currentSize;
  }

  public Kind kind() {
    return kind;
  }

  public long previousSize() {
    return previousSize;
  }

  public long currentSize() {
    return currentSize;
  }

  @Override
  public Failure category() {
    return Failure.LOG_INCONSISTENT;
  }
}
