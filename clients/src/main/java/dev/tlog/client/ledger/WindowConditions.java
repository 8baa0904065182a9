package dev.tlog.client.ledger;

import dev.tlog.client.VerificationException;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.merkle.ledger.LedgerEntry;

/**
 * The conditions that make a window complete (spec/ledger.md, "Complete windows"), checked on a
 * window's verified range; shared by {@link WindowVerifier} and the offline bundle verifier.
 */
public final class WindowConditions {
  private WindowConditions() {}

  /**
   * The four conditions of spec/ledger.md, "Complete windows", on a window's verified range, and
   * that its clock marks strictly increase; a {@link VerificationException} names the failed one.
   */
  public static void check(VerifiedWindow w) {
    long n = w.checkpoint().size();
    long previous = -1;
    long previousAt = -1;
    for (long i = w.rangeStart(); i < w.rangeEnd(); i++) {
      if (w.entry(i) instanceof LedgerEntry.ClockMark m) {
        if (previous >= 0 && m.nanos() <= previous) {
          throw new VerificationException(
              "clock mark "
                  + i
                  + " ("
                  + EventTime.format(m.nanos())
                  + ") does not follow mark "
                  + previousAt
                  + " ("
                  + EventTime.format(previous)
                  + "): marks must increase");
        }
        previous = m.nanos();
        previousAt = i;
      }
    }
    if (w.markBefore().isPresent()) {
      long b = w.markBefore().getAsLong();
      if (!(w.entry(b) instanceof LedgerEntry.ClockMark m) || m.nanos() >= w.from()) {
        throw new VerificationException(
            "condition 1: mark_before "
                + b
                + " is not a clock mark before the window start "
                + EventTime.format(w.from()));
      }
      for (long i = b + 1; i < w.start(); i++) {
        if (w.entry(i) instanceof LedgerEntry.ClockMark) {
          throw new VerificationException(
              "condition 1: clock mark "
                  + i
                  + " lies between mark_before "
                  + b
                  + " and start "
                  + w.start());
        }
      }
    }
    if (w.start() < n
        && (!(w.entry(w.start()) instanceof LedgerEntry.ClockMark m) || m.nanos() < w.from())) {
      throw new VerificationException(
          "condition 2: start "
              + w.start()
              + " is not a clock mark at or after "
              + EventTime.format(w.from()));
    }
    for (long i = w.start() + 1; i < w.end(); i++) {
      if (w.entry(i) instanceof LedgerEntry.ClockMark m && m.nanos() >= w.to()) {
        throw new VerificationException(
            "condition 3: clock mark "
                + i
                + " inside the window is at "
                + EventTime.format(m.nanos())
                + ", not before the window end");
      }
    }
    if (w.end() < n
        && (!(w.entry(w.end()) instanceof LedgerEntry.ClockMark m) || m.nanos() < w.to())) {
      throw new VerificationException(
          "condition 4: end " + w.end() + " is not a clock mark at or after the window end");
    }
  }
}
