package dev.tlog.client.cli;

import dev.tlog.client.audit.AuditProgress;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress on stderr: on a terminal a redrawn bar with rate and ETA; otherwise a plain line at most
 * every {@code plainEvery} (and at the end), so logs stay readable. Nothing is shown before {@code
 * showAfter} has passed, so short runs stay quiet. Audit progress counts entries of a known total;
 * ingest counts events while the share of the input read (when its size is known) drives the bar.
 */
final class ProgressBar implements AuditProgress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean tty;
  private final long plainEveryNanos;
  private final long showAfterNanos;
  private final String label;
  private final long start = System.nanoTime();
  private long lastPrint;

  /** Audit progress: shown from the start. */
  ProgressBar(PrintWriter err, boolean tty, Duration plainEvery) {
    this(err, tty, plainEvery, Duration.ZERO, "audit");
  }

  ProgressBar(PrintWriter err, boolean tty, Duration plainEvery, Duration showAfter, String label) {
    this.err = err;
    this.tty = tty;
    this.plainEveryNanos = plainEvery.toNanos();
    this.showAfterNanos = showAfter.toNanos();
    this.label = label;
    this.lastPrint = start;
  }

  @Override
  public void update(long startedAt, long done, long total) {
    double fraction = total == 0 ? 1.0 : (double) done / total;
    show(
        done >= total,
        fraction,
        done - startedAt,
        total - done,
        (rate, eta) ->
            String.format("%d/%d entries  %.0f entries/s  ETA %s", done, total, rate, eta));
  }

  /**
   * Ingest progress: {@code events} sent so far; {@code read} of {@code size} input bytes ({@code
   * size < 0} when unknown, e.g. stdin); {@code end} on the last call.
   */
  void events(long events, long read, long size, boolean end) {
    double fraction = size > 0 ? Math.min(1.0, (double) read / size) : -1;
    show(
        end,
        fraction,
        events,
        -1,
        (rate, eta) ->
            String.format("%d events  %.0f events/s", events, rate)
                + (fraction >= 0 ? "  ETA " + eta : ""));
  }

  private interface Stats {
    String format(double rate, String eta);
  }

  /** {@code fraction} in [0, 1], or negative when unknown; {@code left} items, or -1. */
  private void show(boolean end, double fraction, long counted, long left, Stats stats) {
    long now = System.nanoTime();
    if (now - start < showAfterNanos) {
      return;
    }
    long every = tty ? 100_000_000L : plainEveryNanos;
    if (!end && now - lastPrint < every) {
      return;
    }
    lastPrint = now;
    double secs = Math.max((now - start) / 1e9, 1e-3);
    double rate = counted / secs;
    String eta = "0s";
    if (!end && rate > 0 && left >= 0) {
      eta = formatDuration((long) (left / rate));
    } else if (!end && fraction > 0) {
      eta = formatDuration((long) (secs * (1 - fraction) / fraction));
    }
    String line = stats.format(rate, eta);
    if (tty) {
      String bar = "";
      if (fraction >= 0) {
        int filled = (int) (WIDTH * Math.min(1.0, fraction));
        bar =
            "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent(fraction) + " ";
      }
      err.print("\r" + bar + line);
      if (end) {
        err.println();
      }
    } else {
      err.println(label + ": " + (fraction >= 0 ? percent(fraction) + " " : "") + line);
    }
    err.flush();
  }

  private static String percent(double fraction) {
    return String.format("%5.1f%%", 100.0 * fraction);
  }

  static String formatDuration(long s) {
    return s >= 3600
        ? (s / 3600) + "h" + (s % 3600 / 60) + "m"
        : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
  }
}
