package dev.tlog.server.errors;

/**
 * Another process, or another part of this one, holds the data directory: a running server while
 * {@code tlog-server reindex} starts, or a reindex while a server starts. Nothing was changed.
 */
public final class DataDirInUseException extends LogException {
  private static final long serialVersionUID = 1L;

  public DataDirInUseException(String message) {
    super(message);
  }
}
