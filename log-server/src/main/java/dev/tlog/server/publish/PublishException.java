package dev.tlog.server.publish;

/** An object store refused or failed a request; the publisher retries after a delay. */
public final class PublishException extends RuntimeException {
  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }

  public PublishException(String message) {
    super(message);
  }
}
