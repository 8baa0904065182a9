package dev.tlog.ledger.query;

/**
 * A half-open range of times {@code [from, to)} in nanoseconds since the epoch (UTC). {@code to ==
 * Long.MAX_VALUE} means no upper bound. Checked by {@link EventFilter}, which knows the field
 * names.
 */
public record TimeRange(long from, long to) {
  /** Every time. */
  public static final TimeRange ALL = new TimeRange(0, Long.MAX_VALUE);

  /** Whether {@code nanos} lies in the range. */
  public boolean contains(long nanos) {
    return nanos >= from && (to == Long.MAX_VALUE ? nanos <= to : nanos < to);
  }

  /** Whether this range excludes nothing. */
  public boolean isAll() {
    return from <= 0 && to == Long.MAX_VALUE;
  }

  /** The last time inside the range (for inclusive point queries). */
  long lastInclusive() {
    return to == Long.MAX_VALUE ? Long.MAX_VALUE : to - 1;
  }
}
