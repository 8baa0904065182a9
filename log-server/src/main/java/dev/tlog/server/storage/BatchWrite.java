package dev.tlog.server.storage;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import java.util.List;
import java.util.Map;

/**
 * Everything one batch adds to storage: entries {@code [firstIndex, firstIndex + entries.size())},
 * their leaf and chain hashes, and the complete-subtree node hashes the batch completed (level 0
 * included).
 */
public record BatchWrite(
    long firstIndex,
    List<byte[]> entries,
    List<Hash> leafHashes,
    List<Hash> chainHashes,
    Map<NodeId, Hash> nodes) {
  public BatchWrite {
    entries = List.copyOf(entries);
    leafHashes = List.copyOf(leafHashes);
    chainHashes = List.copyOf(chainHashes);
    nodes = Map.copyOf(nodes);
    if (firstIndex < 0) {
      throw new IllegalArgumentException("firstIndex must be >= 0, got " + firstIndex);
    }
    if (leafHashes.size() != entries.size() || chainHashes.size() != entries.size()) {
      throw new IllegalArgumentException(
          "entries, leaf hashes and chain hashes differ in count: "
              + entries.size()
              + ", "
              + leafHashes.size()
              + ", "
              + chainHashes.size());
    }
  }

  /** Size of the tree after this batch. */
  public long endIndex() {
    return firstIndex + entries.size();
  }
}
