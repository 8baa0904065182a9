package dev.tlog.witness.errors;

/** The checkpoint's origin is not a log this witness is configured for. HTTP 404 (C2SP). */
public final class UnknownOriginException extends WitnessException {
  private static final long serialVersionUID = 1L;

  private final String origin;

  public UnknownOriginException(String origin) {
    super("unknown log origin \"" + origin + "\"");
    this.origin = origin;
  }

  public String origin() {
    return origin;
  }
}
