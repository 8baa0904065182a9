package dev.tlog.bench.load;

/** The log server process died while a scenario was running against it. */
public final class ServerExitedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServerExitedException(String message) {
    super(message);
  }
}
