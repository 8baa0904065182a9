package dev.tlog.client;

/** The log could not be reached, or stayed overloaded, after the bounded retries. */
public final class LogUnavailableException extends TlogClientException {
  private static final long serialVersionUID = 1L;

  public LogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Failure category() {
    return Failure.UNAVAILABLE;
  }
}
