package dev.tlog.server.security.tls;

/** The server was asked to listen in a way {@link PlaintextPolicy} refuses; it does not start. */
public final class InsecureListenerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InsecureListenerException(String message) {
    super(message);
  }
}
