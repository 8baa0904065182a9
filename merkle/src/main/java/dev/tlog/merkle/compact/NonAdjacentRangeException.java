package dev.tlog.merkle.compact;

import dev.tlog.merkle.MerkleException;

/** {@link CompactRange#merge} was given a range that does not begin where this one ends. */
public final class NonAdjacentRangeException extends MerkleException {
  private static final long serialVersionUID = 1L;

  private final long got;
  private final long want;

  public NonAdjacentRangeException(long got, long want) {
    super("cannot merge ranges: right range begins at " + got + ", want " + want);
    this.got = got;
    this.want = want;
  }

  /** Where the right range begins. */
  public long got() {
    return got;
  }

  /** Where the left range ends, so where the right range had to begin. */
  public long want() {
    return want;
  }
}
