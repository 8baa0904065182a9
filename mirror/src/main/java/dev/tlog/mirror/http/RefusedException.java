package dev.tlog.mirror.http;

/**
 * The mirror does not serve the log: it holds no verified checkpoint yet, or the upstream forked.
 * 503, with the reason as the body.
 */
final class RefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RefusedException(String message) {
    super(message);
  }
}
