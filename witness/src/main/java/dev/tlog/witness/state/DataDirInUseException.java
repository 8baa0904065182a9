package dev.tlog.witness.state;

/**
 * Another witness process, or another witness in this one, holds the data directory's lock. Thrown
 * at startup only, before anything in the directory is read or written; the witness does not start.
 */
public final class DataDirInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataDirInUseException(String message) {
    super(message);
  }
}
