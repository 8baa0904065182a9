package dev.tlog.server.errors;

/**
 * The storage check run in a child JVM crashed or failed: the LMDB environment cannot be read
 * safely, so the server refuses to start (spec/api.md, "Startup and shutdown"). The message names
 * the directory and how the check ended.
 */
public final class CorruptStorageException extends LogException {
  private static final long serialVersionUID = 1L;

  public CorruptStorageException(String message) {
    super(message);
  }
}
