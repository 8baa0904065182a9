package dev.tlog.server.hosting;

/** A logs file that cannot be read or is not valid; the message names the log and the key. */
public final class LogsFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogsFileException(String message) {
    super(message);
  }

  public LogsFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
