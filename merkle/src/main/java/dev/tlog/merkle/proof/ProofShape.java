package dev.tlog.merkle.proof;

/**
 * Pure size arithmetic shared by provers and verifiers. For leaf {@code index} in a tree of {@code
 * size}, the path splits at {@code inner} = the number of low bits in which {@code index} and
 * {@code size - 1} differ: below it the path has one sibling per level; above it the leaf's
 * ancestors lie on the right border and only levels where {@code index} has a 1 bit have a (left)
 * sibling.
 */
final class ProofShape {
  private ProofShape() {}

  static void checkInclusionRange(long index, long treeSize) {
    if (index < 0 || index >= treeSize) {
      throw new IndexOutOfRangeException(
          "index "
              + index
              + " out of range for tree size "
              + treeSize
              + ": want 0 <= index < treeSize");
    }
  }

  static void checkConsistencyRange(long first, long second) {
    if (first < 0 || first > second) {
      throw new IndexOutOfRangeException(
          "consistency from size " + first + " to size " + second + ": want 0 <= first <= second");
    }
  }

  /** Levels {@code [0, inner)} where the path has a sibling on either side. */
  static int inner(long index, long treeSize) {
    return 64 - Long.numberOfLeadingZeros(index ^ (treeSize - 1));
  }

  /** Number of left siblings on the right border, at levels {@code >= inner}. */
  static int border(long index, int inner) {
    return inner >= 64 ? 0 : Long.bitCount(index >>> inner);
  }

  static int inclusionSize(long index, long treeSize) {
    checkInclusionRange(index, treeSize);
    int inner = inner(index, treeSize);
    return inner + border(index, inner);
  }

  static int consistencySize(long first, long second) {
    checkConsistencyRange(first, second);
    if (first == 0 || first == second) {
      return 0;
    }
    long last = first - 1;
    int inner = inner(last, second);
    int shift = Long.numberOfTrailingZeros(first);
    int seed = isPowerOfTwo(first) ? 0 : 1;
    return seed + (inner - shift) + border(last, inner);
  }

  static boolean isPowerOfTwo(long n) {
    return n > 0 && (n & (n - 1)) == 0;
  }
}
