package dev.tlog.merkle.proof;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import java.util.List;

/**
 * Reads hashes of complete subtrees. The one proof algorithm runs over memory, LMDB, or tiles
 * fetched over HTTP by handing it a different reader.
 */
@FunctionalInterface
public interface HashReader {
  /**
   * Returns the hashes of {@code ids}, in the same order. Throws {@link HashNotFoundException} when
   * one is not available (for example beyond the stored tree).
   */
  List<Hash> readHashes(List<NodeId> ids);
}
