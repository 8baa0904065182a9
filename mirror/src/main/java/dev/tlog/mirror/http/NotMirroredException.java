package dev.tlog.mirror.http;

/** The object is not in the mirrored tree (yet): 404. */
final class NotMirroredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotMirroredException(String message) {
    super(message);
  }
}
