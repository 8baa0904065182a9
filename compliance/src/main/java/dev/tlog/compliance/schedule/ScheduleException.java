package dev.tlog.compliance.schedule;

/** A schedule text that does not parse, or a slot range too large to enumerate. */
public final class ScheduleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScheduleException(String message) {
    super(message);
  }

  public ScheduleException(String message, Throwable cause) {
    super(message, cause);
  }
}
