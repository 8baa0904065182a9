package dev.tlog.witness.fork;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.HashReader;
import dev.tlog.merkle.proof.Proofs;
import java.util.ArrayList;
import java.util.List;

/**
 * A consistency proof whose seed is always explicit, so that folding it yields both the root of the
 * size-{@code first} prefix and the root of the size-{@code second} tree it was taken from.
 *
 * <p>The hashes are RFC 9162 §2.1.4 {@code PROOF(first, D[second])}, preceded, when {@code first}
 * is a power of two, by the hash of the node covering leaves {@code [0, first)} (RFC 9162 leaves
 * that seed implicit: it is the first root itself). Every hash contributes to the second root, so a
 * fold that reproduces a signed second root pins the prefix root too: if that prefix root is not
 * the first checkpoint's root, the two checkpoints cannot both be honest.
 */
public final class PrefixProof {
  private PrefixProof() {}

  /** The two roots a prefix proof leads to. */
  public record Roots(Hash first, Hash second) {}

  /** Builds the prefix proof from {@code first} to {@code second} ({@code 0 < first < second}). */
  public static List<Hash> prove(long first, long second, HashReader reader) {
    checkSizes(first, second);
    List<Hash> out = new ArrayList<>();
    if (isPowerOfTwo(first)) {
      out.add(Proofs.subtreeHash(0, first, reader));
    }
    out.addAll(Proofs.proveConsistency(first, second, reader).hashes());
    return out;
  }

  /**
   * The prefix proof for a C2SP/RFC consistency proof, or the proof itself when it already carries
   * its seed; empty when {@code first} is a power of two (the RFC proof has no seed to recover).
   */
  public static java.util.Optional<List<Hash>> fromConsistencyProof(ConsistencyProof proof) {
    if (proof.first() <= 0 || proof.first() >= proof.second() || isPowerOfTwo(proof.first())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(proof.hashes());
  }

  /**
   * Folds a prefix proof into the two roots it implies.
   *
   * @throws IllegalArgumentException if the sizes are out of range or the proof has the wrong
   *     number of hashes
   */
  public static Roots fold(long first, long second, List<Hash> path) {
    checkSizes(first, second);
    int want = Proofs.consistencyProofSize(first, second) + (isPowerOfTwo(first) ? 1 : 0);
    if (path.size() != want) {
      throw new IllegalArgumentException(
          "prefix proof from "
              + first
              + " to "
              + second
              + " has "
              + path.size()
              + " hashes, want "
              + want);
    }
    long last = first - 1;
    int inner = 64 - Long.numberOfLeadingZeros(last ^ (second - 1));
    int at = 0;
    Hash firstHash = path.get(at++);
    Hash secondHash = firstHash;
    // Same walk as RFC 9162 §2.1.4.2, from the level of the seed node upwards.
    for (int level = Long.numberOfTrailingZeros(first); level < 64 && at < path.size(); level++) {
      if (((last >>> level) & 1) == 1) {
        Hash left = path.get(at++);
        firstHash = TreeHasher.nodeHash(left, firstHash);
        secondHash = TreeHasher.nodeHash(left, secondHash);
      } else if (level < inner) {
        secondHash = TreeHasher.nodeHash(secondHash, path.get(at++));
      }
    }
    return new Roots(firstHash, secondHash);
  }

  private static void checkSizes(long first, long second) {
    if (first <= 0 || first >= second) {
      throw new IllegalArgumentException(
          "prefix proof needs 0 < first < second, got first " + first + ", second " + second);
    }
  }

  private static boolean isPowerOfTwo(long n) {
    return n > 0 && (n & (n - 1)) == 0;
  }
}
