package dev.tlog.server.errors;

/** The storage layer failed; the operation did not take effect. */
public final class StorageException extends LogException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
