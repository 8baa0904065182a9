package dev.tlog.server.errors;

/**
 * The call needs a credential and carries none that the log accepts (spec/security.md, "Appender
 * authentication"). gRPC {@code UNAUTHENTICATED}, HTTP 401.
 */
public final class UnauthenticatedException extends LogException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(message);
  }
}
