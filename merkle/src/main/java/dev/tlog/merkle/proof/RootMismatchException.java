package dev.tlog.merkle.proof;

import dev.tlog.merkle.hash.Hash;

/** The root a proof leads to is not the root the caller trusts. Carries both. */
public final class RootMismatchException extends ProofException {
  private static final long serialVersionUID = 1L;

  private final transient Hash computed;
  private final transient Hash expected;
  private final long treeSize;

  public RootMismatchException(Hash computed, Hash expected, long treeSize) {
    super(
        "root mismatch: computed "
            + computed
            + ", expected "
            + expected
            + " (tree size "
            + treeSize
            + ")");
    this.computed = computed;
    this.expected = expected;
    this.treeSize = treeSize;
  }

  /** The root the proof leads to. */
  public Hash computed() {
    return computed;
  }

  /** The root the caller supplied. */
  public Hash expected() {
    return expected;
  }

  /** The size of the tree whose root did not match. */
  public long treeSize() {
    return treeSize;
  }
}
