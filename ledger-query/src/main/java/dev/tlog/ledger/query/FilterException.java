package dev.tlog.ledger.query;

/**
 * A filter that can never be answered: a value out of range, a limit broken, or a full-text query
 * that does not parse. {@link #field()} names the offending field of {@code tlog.v1.EventFilter}
 * ({@code text}, {@code actors}, {@code time_from}, ...); the message starts with it.
 */
public final class FilterException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public FilterException(String field, String message) {
    super("filter." + field + ": " + message);
    this.field = field;
  }

  public FilterException(String field, String message, Throwable cause) {
    super("filter." + field + ": " + message, cause);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
