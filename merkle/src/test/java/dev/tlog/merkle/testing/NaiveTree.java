package dev.tlog.merkle.testing;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 6962 §2.1 definitions, written as literally as possible: MTH by recursion, PATH (§2.1.1)
 * and PROOF/SUBPROOF (§2.1.2). Slow on purpose; the reference every fast algorithm is tested
 * against.
 */
public final class NaiveTree {
  private final List<Hash> leaves;

  public NaiveTree(List<Hash> leafHashes) {
    this.leaves = List.copyOf(leafHashes);
  }

  /** Leaf hashes of {@code "leaf <i>"} for i in [0, n). */
  public static List<Hash> leafHashes(int n) {
    List<Hash> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(TreeHasher.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  public int size() {
    return leaves.size();
  }

  public Hash leaf(int i) {
    return leaves.get(i);
  }

  /** MTH(D[begin:end]). */
  public Hash mth(int begin, int end) {
    int n = end - begin;
    if (n == 0) {
      return TreeHasher.emptyRoot();
    }
    if (n == 1) {
      return leaves.get(begin);
    }
    int k = split(n);
    return TreeHasher.nodeHash(mth(begin, begin + k), mth(begin + k, end));
  }

  /** PATH(m, D[0:n]). */
  public List<Hash> path(int m, int n) {
    return path(m, 0, n);
  }

  private List<Hash> path(int m, int begin, int end) {
    int n = end - begin;
    List<Hash> out = new ArrayList<>();
    if (n == 1) {
      return out;
    }
    int k = split(n);
    if (m < k) {
      out.addAll(path(m, begin, begin + k));
      out.add(mth(begin + k, end));
    } else {
      out.addAll(path(m - k, begin + k, end));
      out.add(mth(begin, begin + k));
    }
    return out;
  }

  /** PROOF(m, D[0:n]) for 0 < m <= n. */
  public List<Hash> proof(int m, int n) {
    return subproof(m, 0, n, true);
  }

  private List<Hash> subproof(int m, int begin, int end, boolean whole) {
    int n = end - begin;
    List<Hash> out = new ArrayList<>();
    if (m == n) {
      if (!whole) {
        out.add(mth(begin, end));
      }
      return out;
    }
    int k = split(n);
    if (m <= k) {
      out.addAll(subproof(m, begin, begin + k, whole));
      out.add(mth(begin + k, end));
    } else {
      out.addAll(subproof(m - k, begin + k, end, false));
      out.add(mth(begin, begin + k));
    }
    return out;
  }

  /** The largest power of two smaller than n (n > 1). */
  private static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
