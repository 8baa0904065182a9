package dev.tlog.bench.load;

/** The server answered, but with something a correct log cannot return (wrong proof length...). */
public final class BadAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadAnswerException(String message) {
    super(message);
  }
}
