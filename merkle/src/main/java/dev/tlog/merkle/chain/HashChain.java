package dev.tlog.merkle.chain;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.List;

/**
 * tlog's linear hash chain over leaf hashes: {@code C[-1] = 32 zero bytes}, {@code C[i] =
 * SHA-256(C[i-1] || L[i])}. Pure static functions; see {@code spec/chain.md}.
 */
public final class HashChain {
  private HashChain() {}

  /** {@code C[-1]}: the head of the empty chain. */
  public static Hash initial() {
    return Hash.ZERO;
  }

  /** One step: {@code SHA-256(prev || leafHash)}, no domain prefix. */
  public static Hash next(Hash prev, Hash leafHash) {
    return TreeHasher.concatHash(prev, leafHash);
  }

  /** The head after extending {@code start} by each leaf hash in order. */
  public static Hash extend(Hash start, List<Hash> leafHashes) {
    Hash h = start;
    for (Hash leaf : leafHashes) {
      h = next(h, leaf);
    }
    return h;
  }

  /**
   * Checks that extending {@code before} by {@code leafHashes} gives {@code expectedAfter}; throws
   * {@link ChainMismatchException} carrying both heads otherwise.
   */
  public static void checkSegment(Hash before, List<Hash> leafHashes, Hash expectedAfter) {
    Hash computed = extend(before, leafHashes);
    if (!computed.equals(expectedAfter)) {
      throw new ChainMismatchException(computed, expectedAfter);
    }
  }
}
