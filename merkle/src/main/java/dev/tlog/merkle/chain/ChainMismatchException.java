package dev.tlog.merkle.chain;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;

/** Extending a chain head by a segment of leaf hashes did not give the expected head. */
public final class ChainMismatchException extends MerkleException {
  private static final long serialVersionUID = 1L;

  private final transient Hash computed;
  private final transient Hash expected;

  public ChainMismatchException(Hash computed, Hash expected) {
    super("chain mismatch: computed " + computed + ", expected " + expected);
    this.computed = computed;
    this.expected = expected;
  }

  /** The head the segment leads to. */
  public Hash computed() {
    return computed;
  }

  /** The head the caller supplied. */
  public Hash expected() {
    return expected;
  }
}
