package dev.tlog.merkle.proof;

import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory, append-only Merkle tree: every complete-subtree hash, one list per level, filled by
 * a {@link CompactRange}'s visitor. For tests, clients and the vector generator. Not thread-safe:
 * confine to one thread or synchronize externally.
 */
public final class MemoryHashStore implements HashReader {
  private final List<List<Hash>> levels = new ArrayList<>();
  private final CompactRange range = CompactRange.empty(0);

  /** A store holding {@code leafHashes}, in order. */
  public static MemoryHashStore of(List<Hash> leafHashes) {
    MemoryHashStore store = new MemoryHashStore();
    leafHashes.forEach(store::append);
    return store;
  }

  /** Number of leaves. */
  public long size() {
    return range.end();
  }

  /** Appends a leaf hash and stores every node it completes. */
  public void append(Hash leafHash) {
    range.append(leafHash, this::store);
  }

  /** The root of the whole tree (the empty root when there are no leaves). */
  public Hash root() {
    return range.root();
  }

  @Override
  public List<Hash> readHashes(List<NodeId> ids) {
    List<Hash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      List<Hash> level = id.level() < levels.size() ? levels.get(id.level()) : List.of();
      if (id.index() >= level.size()) {
        throw new HashNotFoundException(
            "node " + id + " is not a complete subtree of the tree of size " + size());
      }
      out.add(level.get((int) id.index()));
    }
    return out;
  }

  private void store(NodeId id, Hash hash) {
    while (levels.size() <= id.level()) {
      levels.add(new ArrayList<>());
    }
    List<Hash> level = levels.get(id.level());
    if (id.index() != level.size()) {
      throw new IllegalStateException("node " + id + " visited out of order");
    }
    level.add(hash);
  }
}
