package dev.tlog.client.ledger;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.LedgerEntry;
import java.util.List;
import java.util.OptionalLong;

/**
 * A receive-time window proven complete (spec/ledger.md, "Complete windows"): entries {@code
 * [start, end)} are exactly those received in {@code [from, to)} as of {@code checkpoint()}. Holds
 * the verified contiguous range {@code [rangeStart, rangeEnd)} = {@code [mark_before or start,
 * end]} ({@code end} included when below the checkpoint's size) that proves it. Immutable.
 */
public final class VerifiedWindow {
  private final VerifiedCheckpoint checkpoint;
  private final long from;
  private final long to;
  private final long start;
  private final long end;
  private final OptionalLong markBefore;
  private final long rangeStart;
  private final List<byte[]> entries;
  private final List<Hash> leaves;
  private final List<LedgerEntry> parsed;
  // received(i) for i in the range, -1 before the range's first clock mark.
  private final long[] received;

  /**
   * A window whose range was verified against {@code checkpoint} (by {@link WindowVerifier}, or by
   * a bundle verifier that checked the range proof); {@link WindowConditions#check} checks the
   * rest.
   *
   * @param to {@code Long.MAX_VALUE} for an unbounded window
   * @param entries the range's entry bytes from {@code rangeStart}, in index order
   * @param leaves their leaf hashes
   * @param parsed the parsed entries
   */
  public VerifiedWindow(
      VerifiedCheckpoint checkpoint,
      long from,
      long to,
      long start,
      long end,
      OptionalLong markBefore,
      long rangeStart,
      List<byte[]> entries,
      List<Hash> leaves,
      List<LedgerEntry> parsed) {
    this.checkpoint = checkpoint;
    this.from = from;
    this.to = to;
    this.start = start;
    this.end = end;
    this.markBefore = markBefore;
    this.rangeStart = rangeStart;
    this.entries = List.copyOf(entries);
    this.leaves = List.copyOf(leaves);
    this.parsed = List.copyOf(parsed);
    this.received = new long[parsed.size()];
    long r = -1;
    for (int i = 0; i < parsed.size(); i++) {
      if (parsed.get(i) instanceof LedgerEntry.ClockMark m) {
        r = m.nanos();
      }
      received[i] = r;
    }
  }

  public VerifiedCheckpoint checkpoint() {
    return checkpoint;
  }

  public long from() {
    return from;
  }

  /** The window's end, {@code Long.MAX_VALUE} when unbounded. */
  public long to() {
    return to;
  }

  /** First index of the window. */
  public long start() {
    return start;
  }

  /** End (exclusive) of the window. */
  public long end() {
    return end;
  }

  /** The last clock mark before {@code start}, absent when {@code start = 0}. */
  public OptionalLong markBefore() {
    return markBefore;
  }

  /** First index of the verified range. */
  public long rangeStart() {
    return rangeStart;
  }

  /** End (exclusive) of the verified range. */
  public long rangeEnd() {
    return rangeStart + entries.size();
  }

  /** Entry {@code index} of the range, parsed. */
  public LedgerEntry entry(long index) {
    return parsed.get(offset(index));
  }

  public byte[] entryBytes(long index) {
    return entries.get(offset(index)).clone();
  }

  public Hash leaf(long index) {
    return leaves.get(offset(index));
  }

  /** The range's leaf hashes {@code [from, to)}. */
  public List<Hash> leaves(long fromIndex, long toIndex) {
    return leaves.subList(offset(fromIndex), offset(toIndex - 1) + 1);
  }

  /**
   * {@code received(index)} for {@code index} in {@code [start, end)}: the time of the last clock
   * mark at or before it, which the range holds (a non-empty window starts with a mark).
   */
  public long receivedAt(long index) {
    if (index < start || index >= end) {
      throw new IllegalArgumentException(
          "index " + index + " is outside the window [" + start + ", " + end + ")");
    }
    return received[offset(index)];
  }

  /** Number of events (not clock marks) in {@code [start, end)}. */
  public long events() {
    long n = 0;
    for (long i = start; i < end; i++) {
      n += entry(i) instanceof LedgerEntry.EventEntry ? 1 : 0;
    }
    return n;
  }

  private int offset(long index) {
    if (index < rangeStart || index >= rangeEnd()) {
      throw new IllegalArgumentException(
          "index " + index + " is outside the range [" + rangeStart + ", " + rangeEnd() + ")");
    }
    return (int) (index - rangeStart);
  }
}
