package dev.tlog.merkle.chain;

import dev.tlog.merkle.hash.Hash;
import java.util.List;

/** A running chain head and its length. Mutable and not thread-safe. */
public final class ChainBuilder {
  private long size;
  private Hash head;

  private ChainBuilder(long size, Hash head) {
    this.size = size;
    this.head = head;
  }

  /** An empty chain: size 0, head {@code C[-1]}. */
  public static ChainBuilder empty() {
    return new ChainBuilder(0, HashChain.initial());
  }

  /** Resumes a chain of {@code size} entries whose head is {@code C[size-1]}. */
  public static ChainBuilder resume(long size, Hash head) {
    if (size < 0) {
      throw new IllegalArgumentException("chain size must be >= 0, got " + size);
    }
    if (size == 0 && !head.equals(HashChain.initial())) {
      throw new ChainMismatchException(head, HashChain.initial());
    }
    return new ChainBuilder(size, head);
  }

  /** Extends the chain by one leaf hash and returns the new head. */
  public Hash append(Hash leafHash) {
    head = HashChain.next(head, leafHash);
    size++;
    return head;
  }

  /** Extends the chain by each leaf hash in order and returns the new head. */
  public Hash appendAll(List<Hash> leafHashes) {
    leafHashes.forEach(this::append);
    return head;
  }

  /** Number of leaves chained so far. */
  public long size() {
    return size;
  }

  /** {@code C[size-1]}, or {@code C[-1]} when empty. */
  public Hash head() {
    return head;
  }
}
