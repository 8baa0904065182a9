package dev.tlog.merkle.proof;

import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * RFC 9162 §2.1.3 inclusion and §2.1.4 consistency proofs as Prove/Check pairs of pure static
 * functions. Provers read only complete-subtree hashes, O(log n) of them, in one {@link
 * HashReader#readHashes} call; incomplete right-edge nodes are computed from those. Checkers test
 * the range contract first, then the proof length, then the roots.
 *
 * <p>A proof binds a leaf (or an old root) to a root; it binds the tree size only through the path
 * shape. Two sizes whose paths have the same shape accept the same proof against the same root, as
 * in RFC 9162, so the (size, root) pair checked against must come from one signed checkpoint.
 */
public final class Proofs {
  private Proofs() {}

  /** The exact number of hashes in the inclusion proof of {@code index} in {@code treeSize}. */
  public static int inclusionProofSize(long index, long treeSize) {
    return ProofShape.inclusionSize(index, treeSize);
  }

  /** The exact number of hashes in the consistency proof from {@code first} to {@code second}. */
  public static int consistencyProofSize(long first, long second) {
    return ProofShape.consistencySize(first, second);
  }

  /**
   * RFC 9162 §2.1.3.1: the inclusion proof for leaf {@code index} in the tree of {@code treeSize}.
   */
  public static InclusionProof proveInclusion(long index, long treeSize, HashReader reader) {
    ProofShape.checkInclusionRange(index, treeSize);
    int inner = ProofShape.inner(index, treeSize);
    NodePlan plan = new NodePlan();
    for (int level = 0; level < inner; level++) {
      plan.addSibling(level, index, treeSize);
    }
    addBorder(plan, index, inner);
    return new InclusionProof(index, treeSize, plan.resolve(reader));
  }

  /**
   * RFC 9162 §2.1.3.2: the root that {@code proof} leads to from {@code leafHash}. Throws {@link
   * IndexOutOfRangeException} or {@link ProofLengthException}; never compares roots.
   */
  public static Hash rootFromInclusion(InclusionProof proof, Hash leafHash) {
    long index = proof.index();
    int want = ProofShape.inclusionSize(index, proof.treeSize());
    checkLength(
        "inclusion proof for index " + index + " in tree size " + proof.treeSize(),
        proof.hashes(),
        want);
    int inner = ProofShape.inner(index, proof.treeSize());
    List<Hash> path = proof.hashes();
    Hash h = leafHash;
    for (int i = 0; i < path.size(); i++) {
      boolean leftSibling = i >= inner || ((index >>> i) & 1) == 1;
      h = leftSibling ? TreeHasher.nodeHash(path.get(i), h) : TreeHasher.nodeHash(h, path.get(i));
    }
    return h;
  }

  /** Checks that {@code leafHash} is at {@code proof.index()} in the tree with {@code root}. */
  public static void checkInclusion(InclusionProof proof, Hash leafHash, Hash root) {
    Hash computed = rootFromInclusion(proof, leafHash);
    if (!computed.equals(root)) {
      throw new RootMismatchException(computed, root, proof.treeSize());
    }
  }

  /**
   * RFC 9162 §2.1.4.1: the consistency proof from size {@code first} to {@code second}. Empty when
   * {@code first == 0} or {@code first == second} (see {@link #checkConsistency}).
   */
  public static ConsistencyProof proveConsistency(long first, long second, HashReader reader) {
    int size = ProofShape.consistencySize(first, second);
    NodePlan plan = new NodePlan();
    if (size > 0) {
      long last = first - 1;
      int inner = ProofShape.inner(last, second);
      int shift = Long.numberOfTrailingZeros(first);
      // The node of size 2^shift ending at `first`, unless it is the whole first tree.
      if (!ProofShape.isPowerOfTwo(first)) {
        plan.addNode(new NodeId(shift, last >>> shift));
      }
      for (int level = shift; level < inner; level++) {
        plan.addSibling(level, last, second);
      }
      addBorder(plan, last, inner);
    }
    return new ConsistencyProof(first, second, plan.resolve(reader));
  }

  /**
   * RFC 9162 §2.1.4.2: checks that the tree of size {@code first} with {@code firstRoot} is a
   * prefix of the tree of size {@code second} with {@code secondRoot}.
   *
   * <p>RFC 9162 defines proofs only for {@code 0 < first < second}; at the edges tlog requires an
   * empty proof and: for {@code first == second}, {@code firstRoot == secondRoot}; for {@code first
   * == 0}, {@code firstRoot} is the empty tree's root (and so is {@code secondRoot} when {@code
   * second == 0}). Every other tree extends the empty tree, so {@code secondRoot} is then
   * unconstrained.
   */
  public static void checkConsistency(ConsistencyProof proof, Hash firstRoot, Hash secondRoot) {
    long first = proof.first();
    long second = proof.second();
    int want = ProofShape.consistencySize(first, second);
    List<Hash> path = proof.hashes();
    checkLength("consistency proof from size " + first + " to " + second, path, want);
    if (first == 0) {
      requireRoot(TreeHasher.emptyRoot(), firstRoot, 0);
      if (second == 0) {
        requireRoot(TreeHasher.emptyRoot(), secondRoot, 0);
      }
      return;
    }
    if (first == second) {
      requireRoot(firstRoot, secondRoot, second);
      return;
    }
    long last = first - 1;
    int inner = ProofShape.inner(last, second);
    int shift = Long.numberOfTrailingZeros(first);
    int at = 0;
    // When first is a power of two its whole tree is the seed; the RFC prepends firstRoot.
    Hash seed = ProofShape.isPowerOfTwo(first) ? firstRoot : path.get(at++);
    Hash firstHash = seed;
    Hash secondHash = seed;
    for (int level = shift; level < 64 && at < path.size(); level++) {
      boolean inside = level < inner;
      boolean leftSibling = ((last >>> level) & 1) == 1;
      if (leftSibling) {
        Hash c = path.get(at++);
        firstHash = TreeHasher.nodeHash(c, firstHash);
        secondHash = TreeHasher.nodeHash(c, secondHash);
      } else if (inside) {
        // A right sibling lies beyond the first tree: it only contributes to the second root.
        secondHash = TreeHasher.nodeHash(secondHash, path.get(at++));
      }
    }
    requireRoot(firstHash, firstRoot, first);
    requireRoot(secondHash, secondRoot, second);
  }

  /**
   * The compact range {@code [0, proof.index())} read from the left siblings of an inclusion proof:
   * they are exactly the maximal complete subtrees left of the leaf. Not authenticated by itself;
   * {@link #checkRange} authenticates it through a root.
   */
  public static CompactRange prefixFromInclusion(InclusionProof proof) {
    long index = proof.index();
    int want = ProofShape.inclusionSize(index, proof.treeSize());
    checkLength(
        "inclusion proof for index " + index + " in tree size " + proof.treeSize(),
        proof.hashes(),
        want);
    int inner = ProofShape.inner(index, proof.treeSize());
    List<Hash> left = new ArrayList<>();
    for (int i = 0; i < want; i++) {
      if (i >= inner || ((index >>> i) & 1) == 1) {
        left.add(proof.hashes().get(i));
      }
    }
    // The proof runs leaf to root; a compact range lists its subtrees left to right.
    Collections.reverse(left);
    return CompactRange.of(0, index, left);
  }

  /**
   * Checks that {@code leafHashes} are the leaves {@code [begin, end)} of the tree with {@code
   * root}, with two proofs whatever the range's length: {@code firstLeaf}, the inclusion proof of
   * {@code begin}, is checked against {@code root}; its left siblings give the compact range {@code
   * [0, begin)}, which the leaves extend to the root of the tree of size {@code end}; {@code
   * toRoot}, the consistency proof from {@code end} to the tree's size, must lead from that root to
   * {@code root}. A wrong leaf anywhere in the range changes the size-{@code end} root, so the
   * consistency check fails.
   */
  public static void checkRange(
      long begin,
      List<Hash> leafHashes,
      InclusionProof firstLeaf,
      ConsistencyProof toRoot,
      Hash root) {
    long end = begin + leafHashes.size();
    if (leafHashes.isEmpty()
        || firstLeaf.index() != begin
        || toRoot.first() != end
        || toRoot.second() != firstLeaf.treeSize()) {
      throw new IndexOutOfRangeException(
          "range ["
              + begin
              + ", "
              + end
              + "): want a non-empty range, the inclusion proof of "
              + begin
              + " and a consistency proof from "
              + end
              + " in one tree; got inclusion of "
              + firstLeaf.index()
              + " in "
              + firstLeaf.treeSize()
              + ", consistency "
              + toRoot.first()
              + " -> "
              + toRoot.second());
    }
    checkInclusion(firstLeaf, leafHashes.get(0), root);
    CompactRange range = prefixFromInclusion(firstLeaf);
    range.appendAll(leafHashes, (id, h) -> {});
    checkConsistency(toRoot, range.root(), root);
  }

  /** RFC 9162 §2.1.1 MTH of leaves {@code [0, treeSize)}; the empty root for size 0. */
  public static Hash treeRoot(long treeSize, HashReader reader) {
    if (treeSize < 0) {
      throw new IndexOutOfRangeException("tree size " + treeSize + " is negative");
    }
    return treeSize == 0 ? TreeHasher.emptyRoot() : subtreeHash(0, treeSize, reader);
  }

  /**
   * The hash of the tree node whose leaves are {@code [begin, end)}, complete or on the right edge.
   * The range must be non-empty and {@code begin} a multiple of the smallest power of two {@code >=
   * end - begin}; any other range is not a node of the log's tree and throws {@link
   * IndexOutOfRangeException}.
   */
  public static Hash subtreeHash(long begin, long end, HashReader reader) {
    if (begin < 0 || end <= begin) {
      throw new IndexOutOfRangeException(
          "subtree [" + begin + ", " + end + "): want 0 <= begin < end");
    }
    int ceilLog = 64 - Long.numberOfLeadingZeros(end - begin - 1);
    if (begin != 0 && Long.numberOfTrailingZeros(begin) < ceilLog) {
      throw new IndexOutOfRangeException(
          "subtree ["
              + begin
              + ", "
              + end
              + "): begin must be a multiple of "
              + (1L << ceilLog)
              + " for a range of "
              + (end - begin)
              + " leaves");
    }
    NodePlan plan = new NodePlan();
    plan.addSubtree(begin, end);
    return plan.resolve(reader).get(0);
  }

  /** Left siblings of {@code leaf}'s right-border ancestors at levels {@code >= inner}. */
  private static void addBorder(NodePlan plan, long leaf, int inner) {
    for (int level = inner; level < 63; level++) {
      if (((leaf >>> level) & 1) == 1) {
        plan.addNode(new NodeId(level, (leaf >>> level) ^ 1));
      }
    }
  }

  private static void checkLength(String what, List<Hash> path, int want) {
    if (path.size() != want) {
      throw new ProofLengthException(what, path.size(), want);
    }
  }

  private static void requireRoot(Hash computed, Hash expected, long treeSize) {
    if (!computed.equals(expected)) {
      throw new RootMismatchException(computed, expected, treeSize);
    }
  }
}
