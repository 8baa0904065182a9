package dev.tlog.merkle.proof;

import dev.tlog.merkle.hash.Hash;
import java.util.List;

/**
 * RFC 9162 §2.1.4 consistency proof that the tree of size {@code first} is a prefix of the tree of
 * size {@code second}. Immutable; values are not validated here, {@link Proofs#checkConsistency}
 * does that.
 */
public record ConsistencyProof(long first, long second, List<Hash> hashes) {
  public ConsistencyProof {
    hashes = List.copyOf(hashes);
  }
}
