package dev.tlog.server.integrate;

import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.server.storage.LogReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The ledger's receive clock (spec/ledger.md, "The receive clock"): decides when a batch starts
 * with a clock mark and which time it carries. Marks advance by at least {@link #STEP_NANOS}, so
 * they are strictly increasing even when the wall clock steps back (then no mark is written until
 * it has caught up).
 *
 * <p>Threading: confined to the sequencer's builder thread.
 */
public final class ReceiveClock {
  /** Smallest advance between two marks: 1 ms. */
  public static final long STEP_NANOS = 1_000_000L;

  private static final byte[] MARK_PREFIX = "{\"clock\":".getBytes(StandardCharsets.UTF_8);
  private static final int SCAN_CHUNK = 256;

  private final LongSupplier wallNanos;
  private long last = -1;

  /** {@code wallNanos} reads the wall clock in nanoseconds since the epoch. */
  public ReceiveClock(LongSupplier wallNanos) {
    this.wallNanos = wallNanos;
  }

  /** Continues after the marks of the stored log. */
  void load(LogReader r) {
    last = lastMark(r);
  }

  /** The time of a new mark, or -1 when the clock has not advanced a step since the last one. */
  long next() {
    long now = wallNanos.getAsLong();
    if (last >= 0 && now < last + STEP_NANOS) {
      return -1;
    }
    last = now;
    return now;
  }

  /** The time of the stored log's last clock mark, or -1 if it has none. */
  static long lastMark(LogReader r) {
    for (long end = r.size(); end > 0; end -= SCAN_CHUNK) {
      long start = Math.max(0, end - SCAN_CHUNK);
      List<byte[]> entries = r.entries(start, end);
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (isMark(entries.get(i))) {
          return ((LedgerEntry.ClockMark) EventCodec.parseEntry(entries.get(i))).nanos();
        }
      }
    }
    return -1;
  }

  /**
   * Whether {@code entry} is a clock mark (canonical marks start with their {@code clock} member).
   */
  public static boolean isMark(byte[] entry) {
    return java.util.Arrays.equals(
        entry, 0, Math.min(entry.length, MARK_PREFIX.length), MARK_PREFIX, 0, MARK_PREFIX.length);
  }
}
