package dev.tlog.compliance.report;

import java.time.Instant;

/** Consecutive due slots {@code first} to {@code last} (inclusive), {@code count} of them. */
public record SlotRange(Instant first, Instant last, long count) {
  public SlotRange {
    if (count < 1 || last.isBefore(first)) {
      throw new IllegalArgumentException("empty slot range " + first + " .. " + last);
    }
  }
}
