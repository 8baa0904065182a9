package dev.tlog.merkle.compact;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;

/**
 * Receives every complete-subtree hash a {@link CompactRange} creates while appending or merging,
 * leaves included (level 0). These are exactly the hashes a log must store to serve proofs.
 */
@FunctionalInterface
public interface NodeVisitor {
  void visit(NodeId id, Hash hash);
}
