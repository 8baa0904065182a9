package dev.tlog.mirror.store;

/** The mirror's LMDB state cannot be opened, read or written, or holds something it never wrote. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
