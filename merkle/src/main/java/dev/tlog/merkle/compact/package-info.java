/**
 * Compact Merkle ranges: the O(log n) state needed to extend an RFC 9162 Merkle tree and compute
 * its root, as in transparency-dev/merkle's {@code compact} package.
 *
 * <p>Format. The range {@code [begin, end)} is stored as the hashes of its maximal complete
 * subtrees, left to right ({@link dev.tlog.merkle.compact.CompactRange#decompose}). A node {@code
 * (level, index)} covers leaves {@code [index·2^level, (index+1)·2^level)}; it belongs to the
 * decomposition iff it lies inside the range and its parent does not.
 *
 * <p>Worked example (ranges as in {@code spec/vectors/hashing/compact.json}): {@code decompose(0,
 * 7)} = {@code (2,0) (1,2) (0,6)}, i.e. leaves {@code [0,4) [4,6) [6,7)}; {@code decompose(3, 13)}
 * = {@code (0,3) (2,1) (2,2) (0,12)}. The root of {@code [0, 7)} is the right fold {@code H(h(2,0),
 * H(h(1,2), h(0,6)))} where {@code H(l, r) = SHA-256(0x01 || l || r)}. Appending leaf 7 to {@code
 * [0,7)} emits {@code (0,7) (1,3) (2,1) (3,0)} to the visitor and leaves the single hash {@code
 * (3,0)}.
 *
 * <p>Threading: {@link dev.tlog.merkle.compact.CompactRange} is mutable and must be confined to one
 * thread; {@code decompose} is a pure function. Exceptions: {@link
 * dev.tlog.merkle.compact.InvalidRangeException} for contract violations (bounds, hash counts, root
 * of a range not starting at 0) and {@link dev.tlog.merkle.compact.NonAdjacentRangeException} for
 * merging ranges that do not touch; both are thrown before any state changes. A {@link
 * dev.tlog.merkle.compact.NodeVisitor} is called after the range is updated; an exception it throws
 * propagates unchanged, so callers needing all-or-nothing should work on a {@code copy()}.
 */
package dev.tlog.merkle.compact;
