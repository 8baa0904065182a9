package dev.tlog.server.errors;

/**
 * Root of the log server's typed, unchecked exceptions. Each subclass names one outcome that the
 * transports map to a gRPC status or HTTP code in exactly one place ({@code GrpcErrors}, {@code
 * HttpErrors}).
 */
public abstract class LogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected LogException(String message) {
    super(message);
  }

  protected LogException(String message, Throwable cause) {
    super(message, cause);
  }
}
