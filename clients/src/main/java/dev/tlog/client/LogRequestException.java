package dev.tlog.client;

/**
 * The log rejected a request (gRPC {@code INVALID_ARGUMENT}, {@code OUT_OF_RANGE}, {@code
 * NOT_FOUND}, or an HTTP 4xx): for example an index beyond the tree or an unknown leaf hash.
 */
public final class LogRequestException extends TlogClientException {
  private static final long serialVersionUID = 1L;

  private final String code;

  public LogRequestException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The gRPC status code name or {@code HTTP <status>}. */
  public String code() {
    return code;
  }

  @Override
  public Failure category() {
    return Failure.REJECTED;
  }
}
