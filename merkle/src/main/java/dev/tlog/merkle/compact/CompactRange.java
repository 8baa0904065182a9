package dev.tlog.merkle.compact;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact form of the leaf range {@code [begin, end)}: one hash per maximal complete subtree
 * inside the range (see {@link #decompose}), at most about {@code 2 log2(end - begin)} hashes.
 *
 * <p>Mutable and not thread-safe: confine an instance to one thread. Use {@link #copy()} to keep a
 * state to roll back to.
 */
public final class CompactRange {
  private final long begin;
  private long end;
  private final ArrayList<Hash> hashes;

  private CompactRange(long begin, long end, List<Hash> hashes) {
    this.begin = begin;
    this.end = end;
    this.hashes = new ArrayList<>(hashes);
  }

  /** An empty range that will grow from {@code begin}. */
  public static CompactRange empty(long begin) {
    checkBounds(begin, begin);
    return new CompactRange(begin, begin, List.of());
  }

  /**
   * A range from its stored hashes, which must be the hashes of {@code decompose(begin, end)} in
   * the same order. Only the count can be checked here.
   */
  public static CompactRange of(long begin, long end, List<Hash> hashes) {
    int want = decompose(begin, end).size();
    List<Hash> copy = List.copyOf(hashes);
    if (copy.size() != want) {
      throw new InvalidRangeException(
          "range [" + begin + ", " + end + ") has " + want + " compact hashes, got " + copy.size());
    }
    return new CompactRange(begin, end, copy);
  }

  /**
   * The maximal complete subtrees that exactly cover {@code [begin, end)}, left to right: a node is
   * included iff it lies inside the range and its parent does not. Levels first rise, then fall.
   */
  public static List<NodeId> decompose(long begin, long end) {
    checkBounds(begin, end);
    List<NodeId> ids = new ArrayList<>();
    long at = begin;
    while (at < end) {
      // The largest node starting at `at` that is aligned and still fits in the range.
      int aligned = at == 0 ? 63 : Long.numberOfTrailingZeros(at);
      int fits = 63 - Long.numberOfLeadingZeros(end - at);
      int level = Math.min(aligned, fits);
      ids.add(new NodeId(level, at >>> level));
      at += 1L << level;
    }
    return ids;
  }

  public long begin() {
    return begin;
  }

  public long end() {
    return end;
  }

  /** A copy of the compact hashes, in {@link #decompose} order. */
  public List<Hash> hashes() {
    return List.copyOf(hashes);
  }

  /** Number of leaves covered. */
  public long size() {
    return end - begin;
  }

  /**
   * Appends one leaf hash at {@link #end()}. {@code visitor} (may be null) sees the leaf at level 0
   * and then every parent completed by it, bottom-up, after this range has been updated.
   */
  public void append(Hash leafHash, NodeVisitor visitor) {
    if (leafHash == null) {
      throw new NullPointerException("leafHash");
    }
    if (end == Long.MAX_VALUE) {
      throw new InvalidRangeException("range is full at " + end + " leaves");
    }
    push(0, leafHash, visitor, true);
  }

  /** Appends each leaf hash in order; equivalent to calling {@link #append} for each. */
  public void appendAll(List<Hash> leafHashes, NodeVisitor visitor) {
    for (Hash h : leafHashes) {
      append(h, visitor);
    }
  }

  /**
   * Extends this range by {@code right}, which must begin at {@link #end()}. {@code visitor} (may
   * be null) sees only the nodes the merge creates, not those already in either range. {@code
   * right} is not modified.
   */
  public void merge(CompactRange right, NodeVisitor visitor) {
    if (right.begin != end) {
      throw new NonAdjacentRangeException(right.begin, end);
    }
    List<NodeId> ids = decompose(right.begin, right.end);
    List<Hash> rightHashes = List.copyOf(right.hashes);
    for (int i = 0; i < ids.size(); i++) {
      push(ids.get(i).level(), rightHashes.get(i), visitor, false);
    }
  }

  /**
   * The RFC 9162 §2.1.1 Merkle tree hash of leaves {@code [0, end)}; {@link TreeHasher#emptyRoot()}
   * when empty. Throws {@link InvalidRangeException} unless {@code begin == 0}.
   */
  public Hash root() {
    if (begin != 0) {
      throw new InvalidRangeException(
          "root is defined only for ranges beginning at 0, this one begins at " + begin);
    }
    if (hashes.isEmpty()) {
      return TreeHasher.emptyRoot();
    }
    // The decomposition of [0, n) has strictly decreasing sizes, so MTH is their right fold.
    Hash h = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      h = TreeHasher.nodeHash(hashes.get(i), h);
    }
    return h;
  }

  /** An independent copy of this range. */
  public CompactRange copy() {
    return new CompactRange(begin, end, hashes);
  }

  @Override
  public String toString() {
    return "CompactRange[" + begin + ", " + end + ") " + hashes;
  }

  /**
   * Adds the complete node at {@code level} that starts at {@link #end()}, then merges it with its
   * left siblings while its parent lies inside the range. Invariant: {@code hashes} holds exactly
   * the hashes of {@code decompose(begin, end)}, so a left sibling inside the range is the last
   * hash (it is maximal: its parent extends past the old end).
   */
  private void push(int level, Hash hash, NodeVisitor visitor, boolean visitFirst) {
    long width = 1L << level;
    long index = end >>> level;
    List<NodeId> createdIds = new ArrayList<>();
    List<Hash> created = new ArrayList<>();
    if (visitFirst) {
      createdIds.add(new NodeId(level, index));
      created.add(hash);
    }
    int pops = 0;
    Hash h = hash;
    while ((index & 1) == 1 && ((index - 1) << level) >= begin) {
      pops++;
      h = TreeHasher.nodeHash(hashes.get(hashes.size() - pops), h);
      level++;
      index >>>= 1;
      createdIds.add(new NodeId(level, index));
      created.add(h);
    }
    hashes.subList(hashes.size() - pops, hashes.size()).clear();
    hashes.add(h);
    end += width;
    if (visitor != null) {
      for (int i = 0; i < created.size(); i++) {
        visitor.visit(createdIds.get(i), created.get(i));
      }
    }
  }

  private static void checkBounds(long begin, long end) {
    if (begin < 0 || end < begin) {
      throw new InvalidRangeException(
          "invalid range [" + begin + ", " + end + "): want 0 <= begin <= end");
    }
  }
}
