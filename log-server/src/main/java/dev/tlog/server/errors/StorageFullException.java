package dev.tlog.server.errors;

/**
 * The disk (or file-system quota) holding the log is full, or the LMDB map cannot grow: the write
 * transaction was aborted and nothing of it took effect. Appends succeed again once an operator
 * frees space; earlier acknowledged entries are intact. The message starts with "disk full" or
 * names {@code --map-size-mib}.
 */
public final class StorageFullException extends LogException {
  private static final long serialVersionUID = 1L;

  public StorageFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
