package dev.tlog.merkle.proof;

import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.ArrayList;
import java.util.List;

/**
 * The node reads a proof needs, collected first so that one {@link HashReader#readHashes} call
 * serves the whole proof. Each output hash is either a complete node or a (possibly incomplete)
 * right-edge node, computed as the right fold of its compact decomposition.
 */
final class NodePlan {
  private final List<NodeId> ids = new ArrayList<>();
  private final List<Integer> groupSizes = new ArrayList<>();

  /** One complete node. */
  void addNode(NodeId id) {
    ids.add(id);
    groupSizes.add(1);
  }

  /**
   * The tree node whose leaves are {@code [begin, end)}; {@code begin} must be aligned to the
   * smallest power of two {@code >= end - begin} (RFC 9162 MTH of a right-edge subtree).
   */
  void addSubtree(long begin, long end) {
    List<NodeId> parts = CompactRange.decompose(begin, end);
    ids.addAll(parts);
    groupSizes.add(parts.size());
  }

  /** The sibling of the node at {@code level} holding {@code leaf}, clipped to {@code size}. */
  void addSibling(int level, long leaf, long size) {
    long start = ((leaf >>> level) ^ 1) << level;
    long width = 1L << level;
    addSubtree(start, size - start >= width ? start + width : size);
  }

  List<Hash> resolve(HashReader reader) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<NodeId> request = List.copyOf(ids);
    List<Hash> got = reader.readHashes(request);
    if (got == null || got.size() != request.size()) {
      throw new HashNotFoundException(
          "hash reader returned "
              + (got == null ? "null" : got.size() + " hashes")
              + " for "
              + request.size()
              + " nodes");
    }
    List<Hash> out = new ArrayList<>(groupSizes.size());
    int at = 0;
    for (int n : groupSizes) {
      Hash h = requireHash(got, request, at + n - 1);
      for (int i = at + n - 2; i >= at; i--) {
        h = TreeHasher.nodeHash(requireHash(got, request, i), h);
      }
      out.add(h);
      at += n;
    }
    return out;
  }

  private static Hash requireHash(List<Hash> got, List<NodeId> request, int i) {
    Hash h = got.get(i);
    if (h == null) {
      throw new HashNotFoundException("hash reader returned null for node " + request.get(i));
    }
    return h;
  }
}
