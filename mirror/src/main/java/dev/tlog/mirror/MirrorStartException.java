package dev.tlog.mirror;

/**
 * The mirror cannot start: its data directory is in use or holds another log, its state cannot be
 * opened, or the port cannot be bound. Main turns it into exit code 3.
 */
public final class MirrorStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MirrorStartException(String message, Throwable cause) {
    super(message, cause);
  }

  public MirrorStartException(String message) {
    super(message);
  }
}
