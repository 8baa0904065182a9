package dev.tlog.server.errors;

/**
 * The caller is authenticated but its credential does not allow this request: a ledger event whose
 * actor is not the credential's identity (spec/security.md, "Appender authentication"). gRPC {@code
 * PERMISSION_DENIED}, HTTP 403.
 */
public final class PermissionDeniedException extends LogException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String message) {
    super(message);
  }
}
