package dev.tlog.client.cli;

import dev.tlog.client.audit.AuditProgress;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Audit progress: on a terminal a redrawn bar with rate and ETA; otherwise a plain line at most
 * every {@code plainEvery} (and at the end), so logs stay readable.
 */
final class ProgressBar implements AuditProgress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean tty;
  private final long plainEveryNanos;
  private final long start = System.nanoTime();
  private long lastPrint;

  ProgressBar(PrintWriter err, boolean tty, Duration plainEvery) {
    this.err = err;
    this.tty = tty;
    this.plainEveryNanos = plainEvery.toNanos();
    this.lastPrint = start;
  }

  @Override
  public void update(long startedAt, long done, long total) {
    long now = System.nanoTime();
    boolean end = done >= total;
    long every = tty ? 100_000_000L : plainEveryNanos;
    if (!end && now - lastPrint < every) {
      return;
    }
    lastPrint = now;
    double secs = Math.max((now - start) / 1e9, 1e-3);
    double rate = (done - startedAt) / secs;
    String eta = rate > 0 && !end ? formatDuration((long) ((total - done) / rate)) : "0s";
    String stats = String.format("%d/%d entries  %.0f entries/s  ETA %s", done, total, rate, eta);
    if (tty) {
      int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
      err.print(
          "\r["
              + "#".repeat(filled)
              + " ".repeat(WIDTH - filled)
              + "] "
              + percent(done, total)
              + " "
              + stats);
      if (end) {
        err.println();
      }
    } else {
      err.println("audit: " + percent(done, total) + " " + stats);
    }
    err.flush();
  }

  private static String percent(long done, long total) {
    return String.format("%5.1f%%", total == 0 ? 100.0 : 100.0 * done / total);
  }

  static String formatDuration(long s) {
    return s >= 3600
        ? (s / 3600) + "h" + (s % 3600 / 60) + "m"
        : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
  }
}
