package dev.tlog.bench.load;

/** The log server process did not print its ports (exited, or took too long). */
public final class ServerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServerStartException(String message) {
    super(message);
  }
}
