package dev.tlog.client;

/** Root of every exception the client library throws. Unchecked; the subclass says what failed. */
public abstract class TlogClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected TlogClientException(String message) {
    super(message);
  }

  protected TlogClientException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What kind of failure this is; decides retries, messages and the CLI's exit code. */
  public abstract Failure category();
}
