package dev.tlog.merkle.ledger;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Ledger times: nanoseconds since 1970-01-01T00:00:00Z, encoded as RFC 3339 UTC with exactly nine
 * fractional digits ({@code 2026-11-29T14:02:03.000000001Z}) so that one instant has one encoding.
 * The range is what a signed 64-bit nanosecond count holds: 1970-01-01 to 2262-04-11.
 */
public final class EventTime {
  private static final Pattern FORM =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z");
  private static final long NANOS = 1_000_000_000L;

  private EventTime() {}

  /** The encoding of {@code nanos} (which must be >= 0). */
  public static String format(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("time before 1970: " + nanos);
    }
    Instant t = Instant.ofEpochSecond(nanos / NANOS, nanos % NANOS);
    String s =
        DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    return s.substring(0, s.length() - 1) + String.format(".%09dZ", nanos % NANOS);
  }

  /** Parses the encoding; anything else (another offset, fewer digits) fails on {@code field}. */
  public static long parse(String field, String text) {
    if (text == null || !FORM.matcher(text).matches()) {
      throw new EventFormatException(
          field,
          "want RFC 3339 UTC with 9 fractional digits (2026-01-02T03:04:05.000000006Z), got \""
              + text
              + "\"");
    }
    Instant t;
    try {
      t = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new EventFormatException(field, "not a valid date-time: \"" + text + "\"");
    }
    long nanos;
    try {
      // Every count format() writes, up to Long.MAX_VALUE (2262-04-11T23:47:16.854775807Z).
      nanos = Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
    } catch (ArithmeticException overflow) {
      nanos = -1;
    }
    if (t.getEpochSecond() < 0 || nanos < 0) {
      throw new EventFormatException(field, "out of range 1970..2262: \"" + text + "\"");
    }
    if (!format(nanos).equals(text)) {
      throw new EventFormatException(field, "not a valid date-time: \"" + text + "\"");
    }
    return nanos;
  }
}
