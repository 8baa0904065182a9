package dev.tlog.server.evidence.config;

/** The collectors file is refused; the message names the collector and key. */
public final class CollectorsConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CollectorsConfigException(String message) {
    super(message);
  }

  public CollectorsConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
