package dev.tlog.server.read;

/**
 * Request positions as the API carries them: protobuf {@code uint64} fields arrive in Java as the
 * same 64 bits in a {@code long}, so a value {@code >= 2^63} looks negative. Every read that takes
 * a position, size or index from a request compares it with {@link #compare} and prints it with
 * {@link #str}, so a value beyond every possible log size is refused with the status of its range
 * (spec/api.md "Errors") and the message names the number the client sent, not its signed
 * reinterpretation.
 */
public final class Uint64 {
  private Uint64() {}

  /** {@code v} as the unsigned decimal the client sent. */
  public static String str(long v) {
    return Long.toUnsignedString(v);
  }

  /** Compares two uint64 values. */
  public static int compare(long a, long b) {
    return Long.compareUnsigned(a, b);
  }

  /**
   * {@code v} as a non-negative long: values {@code >= 2^63} become {@code Long.MAX_VALUE}, later
   * than any time or index a log can hold. Only for use after {@code v} has been range-checked.
   */
  public static long saturated(long v) {
    return v < 0 ? Long.MAX_VALUE : v;
  }

  /** The smaller of two uint64 values. */
  public static long min(long a, long b) {
    return compare(a, b) <= 0 ? a : b;
  }
}
