package dev.tlog.mirror.upstream;

/**
 * The upstream did not hand over a body: unreachable, an HTTP status other than 200, or a body over
 * its bound. Says nothing about the log's honesty; the mirror retries at the next poll.
 */
public final class UpstreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UpstreamException(String message, Throwable cause) {
    super(message, cause);
  }

  public UpstreamException(String message) {
    super(message);
  }
}
