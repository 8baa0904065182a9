package dev.tlog.server.errors;

/**
 * The log is closed (spec/scaling.md, "Closing a log"): its final checkpoint is signed and it
 * accepts no more appends. Retrying cannot help; appenders move to the log that succeeds it.
 */
public final class LogClosedException extends LogException {
  private static final long serialVersionUID = 1L;

  public LogClosedException(String message) {
    super(message);
  }
}
