package dev.tlog.merkle.hash;

/**
 * A complete subtree of the log's Merkle tree: the node at {@code level} (0 = leaves) and position
 * {@code index} covers leaves {@code [index << level, (index + 1) << level)}. Only complete
 * subtrees have NodeIds; hashes of incomplete (ephemeral) right-edge nodes are computed from them.
 */
public record NodeId(int level, long index) {
  /** Levels above 63 cannot address a leaf of a 63-bit tree. */
  public static final int MAX_LEVEL = 63;

  public NodeId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("level must be in [0, " + MAX_LEVEL + "], got " + level);
    }
    if (index < 0 || (level > 0 && index > (Long.MAX_VALUE >>> level))) {
      throw new IllegalArgumentException("index " + index + " out of range for level " + level);
    }
  }

  /** First leaf covered. */
  public long firstLeaf() {
    return index << level;
  }

  /** One past the last leaf covered. */
  public long endLeaf() {
    return (index + 1) << level;
  }

  @Override
  public String toString() {
    return "(" + level + "," + index + ")";
  }
}
