package dev.tlog.witness.errors;

/**
 * The request's {@code old} size is not the size of the witness's latest checkpoint for the log.
 * HTTP 409 with the witness's size as a {@code text/x.tlog.size} body (C2SP).
 */
public final class OldSizeMismatchException extends WitnessException {
  private static final long serialVersionUID = 1L;

  private final long requested;
  private final long current;

  public OldSizeMismatchException(String origin, long requested, long current) {
    super(
        "old size "
            + requested
            + " does not match this witness's latest size "
            + current
            + " for \""
            + origin
            + "\"");
    this.requested = requested;
    this.current = current;
  }

  /** The {@code old} size the client sent. */
  public long requested() {
    return requested;
  }

  /** The size of the witness's latest checkpoint for the origin (0 if none). */
  public long current() {
    return current;
  }
}
