package dev.tlog.merkle.proof;

import dev.tlog.merkle.hash.Hash;
import java.util.List;

/**
 * RFC 9162 §2.1.3 inclusion proof of leaf {@code index} in the tree of size {@code treeSize}:
 * sibling hashes from the leaf upwards. Immutable; values are not validated here, {@link
 * Proofs#checkInclusion} does that.
 */
public record InclusionProof(long index, long treeSize, List<Hash> hashes) {
  public InclusionProof {
    hashes = List.copyOf(hashes);
  }
}
