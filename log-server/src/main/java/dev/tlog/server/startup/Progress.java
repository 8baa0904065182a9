package dev.tlog.server.startup;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How far a long walk over a known number of entries got (issue 14): a line such as {@code
 * verifying storage: 1200000 of 5000000 entries (24%)} each time the count crosses a multiple of
 * {@code step}, when {@code interval} passed since the last line, and at the end.
 *
 * <p>Threading: {@link #advance} from any thread; lines go to the sink under this object's lock, in
 * order.
 */
public final class Progress {
  /** Entries between two lines of a long walk. */
  public static final long DEFAULT_STEP = 1_000_000;

  /** Time between two lines of a slow walk. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

  private final String what;
  private final long total;
  private final long step;
  private final long intervalNanos;
  private final Consumer<String> sink;
  private final long began = System.nanoTime();
  private long done;
  private long lastLine = began;

  public Progress(String what, long total, long step, Duration interval, Consumer<String> sink) {
    if (total < 0 || step <= 0) {
      throw new IllegalArgumentException("total " + total + " and step " + step);
    }
    this.what = what;
    this.total = total;
    this.step = step;
    this.intervalNanos = interval.toNanos();
    this.sink = sink;
  }

  /** Progress with the default step and interval. */
  public static Progress of(String what, long total, Consumer<String> sink) {
    return new Progress(what, total, DEFAULT_STEP, DEFAULT_INTERVAL, sink);
  }

  /** Progress that prints nothing. */
  public static Progress silent(long total) {
    return new Progress("", total, DEFAULT_STEP, DEFAULT_INTERVAL, line -> {});
  }

  /** {@code n} more entries are done. */
  public synchronized void advance(long n) {
    long before = done;
    done += n;
    long now = System.nanoTime();
    boolean end = before < total && done >= total;
    if (end || before / step != done / step || now - lastLine >= intervalNanos) {
      lastLine = now;
      sink.accept(line(now));
    }
  }

  private String line(long now) {
    long percent = total == 0 ? 100 : Math.min(100, done * 100 / total);
    return String.format(
        Locale.ROOT,
        "%s: %d of %d entries (%d%%), %.1f s",
        what,
        done,
        total,
        percent,
        (now - began) / 1e9);
  }
}
