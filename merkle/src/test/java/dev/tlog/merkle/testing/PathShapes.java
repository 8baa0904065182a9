package dev.tlog.merkle.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequence of hashing steps a verifier performs, derived from RFC 6962's recursive definitions
 * (not from the production code). Two (index, size) claims with equal shapes hash the same inputs
 * in the same way, so a proof valid for one is valid for the other against the same root: the proof
 * alone cannot bind the tree size, the signed checkpoint does.
 */
public final class PathShapes {
  private PathShapes() {}

  /** For PATH(m, D[n]): per proof hash, whether it is a left sibling. Leaf first. */
  public static List<Boolean> inclusion(long m, long n) {
    List<Boolean> out = new ArrayList<>();
    if (n <= 1) {
      return out;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      out.addAll(inclusion(m, k));
      out.add(false);
    } else {
      out.addAll(inclusion(m - k, n - k));
      out.add(true);
    }
    return out;
  }

  /**
   * For PROOF(m, D[n]): per proof hash "L" (left of the old tree's frontier: in both roots), "R"
   * (right: only in the new root), or "S" (the seed); "F" first when the old root is the seed.
   */
  public static List<String> consistency(long m, long n) {
    List<String> out = new ArrayList<>();
    subproof(m, n, true, out);
    return out;
  }

  private static void subproof(long m, long n, boolean whole, List<String> out) {
    if (m == n) {
      out.add(whole ? "F" : "S");
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(m, k, whole, out);
      out.add("R");
    } else {
      subproof(m - k, n - k, false, out);
      out.add("L");
    }
  }
}
