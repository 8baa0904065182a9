package dev.tlog.client;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a log through an untrusted {@link LogSource} and checks everything with the merkle library
 * before returning it: checkpoints against the log key, entries and proofs against a verified
 * checkpoint's root. Thread-safe if the source is.
 */
public final class VerifyingReader {
  private final LogSource source;
  private final CheckpointVerifier verifier;

  public VerifyingReader(LogSource source, CheckpointVerifier verifier) {
    this.source = source;
    this.verifier = verifier;
  }

  public LogSource source() {
    return source;
  }

  public CheckpointVerifier verifier() {
    return verifier;
  }

  /** The latest checkpoint, signature-checked. */
  public VerifiedCheckpoint checkpoint() {
    return verifier.verify(source.latestCheckpoint());
  }

  /** Entry {@code index} and its inclusion proof, both checked against {@code cp}. */
  public VerifiedEntry entry(long index, VerifiedCheckpoint cp) {
    requireIndex(index, cp);
    byte[] data = fetchEntry(index, cp);
    Hash leaf = TreeHasher.leafHash(data);
    InclusionProof proof = source.inclusionProof(index, cp.size());
    checkInclusion(proof, index, leaf, cp);
    return new VerifiedEntry(index, data, leaf, proof);
  }

  /** The entry whose leaf hash is {@code leafHash}, located by the log and checked against cp. */
  public VerifiedEntry entryByLeafHash(Hash leafHash, VerifiedCheckpoint cp) {
    InclusionProof proof = source.inclusionProofByLeafHash(leafHash, cp.size());
    checkInclusion(proof, proof.index(), leafHash, cp);
    byte[] data = fetchEntry(proof.index(), cp);
    Hash got = TreeHasher.leafHash(data);
    if (!got.equals(leafHash)) {
      throw new VerificationException(
          "entry " + proof.index() + " has leaf hash " + got + ", want " + leafHash);
    }
    return new VerifiedEntry(proof.index(), data, leafHash, proof);
  }

  /**
   * Entries {@code [start, end)}, read page by page ({@code GetEntries} pages over gRPC, entry
   * bundles over tiles) and checked together against cp with {@link #checkRange}: two proofs for
   * the whole range, not one per entry.
   */
  public VerifiedRange entries(long start, long end, VerifiedCheckpoint cp) {
    if (start < 0 || start > end || end > cp.size()) {
      throw new LogRequestException(
          "INVALID_ARGUMENT",
          "range [" + start + ", " + end + ") is not within checkpoint size " + cp.size(),
          null);
    }
    List<byte[]> data = new ArrayList<>();
    while (start + data.size() < end) {
      long next = start + data.size();
      List<byte[]> page = source.entries(next, end, cp.size());
      if (page.isEmpty() || page.size() > end - next) {
        throw new VerificationException(
            "asked for entries [" + next + ", " + end + "), the log returned " + page.size());
      }
      data.addAll(page);
    }
    List<Hash> leaves = new ArrayList<>(data.size());
    data.forEach(d -> leaves.add(TreeHasher.leafHash(d)));
    if (!leaves.isEmpty()) {
      checkRange(start, leaves, cp);
    }
    return new VerifiedRange(start, data, leaves);
  }

  /**
   * Checks that {@code leafHashes} are the leaves {@code [begin, begin + k)} of cp's tree, with one
   * inclusion proof (of {@code begin}) and, unless the range ends at cp's size, one consistency
   * proof (from its end): see {@link Proofs#checkRange}.
   */
  public void checkRange(long begin, List<Hash> leafHashes, VerifiedCheckpoint cp) {
    long end = begin + leafHashes.size();
    if (leafHashes.isEmpty() || begin < 0 || end > cp.size()) {
      throw new LogRequestException(
          "INVALID_ARGUMENT",
          "range [" + begin + ", " + end + ") is not a non-empty range within size " + cp.size(),
          null);
    }
    InclusionProof first = source.inclusionProof(begin, cp.size());
    if (first.index() != begin || first.treeSize() != cp.size()) {
      throw new VerificationException(
          "inclusion proof is for index "
              + first.index()
              + " in size "
              + first.treeSize()
              + ", want index "
              + begin
              + " in size "
              + cp.size());
    }
    ConsistencyProof toRoot =
        end == cp.size()
            ? new ConsistencyProof(end, end, List.of())
            : source.consistencyProof(end, cp.size());
    check(toRoot, end, cp.size());
    try {
      Proofs.checkRange(begin, leafHashes, first, toRoot, cp.root());
    } catch (MerkleException e) {
      throw new VerificationException(
          "entries [" + begin + ", " + end + ") in size " + cp.size() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that the tree of {@code oldSize} is a prefix of cp's tree. When {@code oldRoot} is null
   * the old root is what the log proves for the last leaf of the old tree; the consistency proof
   * then authenticates it against cp's signed root.
   */
  public ConsistencyResult consistency(long oldSize, Hash oldRoot, VerifiedCheckpoint cp) {
    if (oldSize < 0 || oldSize > cp.size()) {
      throw new LogRequestException(
          "INVALID_ARGUMENT",
          "old size " + oldSize + " is not within checkpoint size " + cp.size(),
          null);
    }
    Hash first = oldRoot != null ? oldRoot : rootAt(oldSize);
    ConsistencyProof proof = source.consistencyProof(oldSize, cp.size());
    check(proof, oldSize, cp.size());
    try {
      Proofs.checkConsistency(proof, first, cp.root());
    } catch (MerkleException e) {
      throw new VerificationException(
          "consistency proof from size " + oldSize + " to " + cp.size() + ": " + e.getMessage(), e);
    }
    return new ConsistencyResult(oldSize, first, cp.size(), cp.root(), proof);
  }

  /**
   * Checks that the tree of {@code oldSize} is a prefix of the tree of {@code newSize <=
   * cp.size()}. When {@code newSize < cp.size()} the new root is first authenticated by a
   * consistency proof to cp's signed root.
   */
  public ConsistencyResult consistency(long oldSize, long newSize, VerifiedCheckpoint cp) {
    if (newSize == cp.size()) {
      return consistency(oldSize, null, cp);
    }
    if (oldSize < 0 || oldSize > newSize) {
      throw new LogRequestException(
          "INVALID_ARGUMENT",
          "want 0 <= old size <= new size, got " + oldSize + ", " + newSize,
          null);
    }
    Hash newRoot = consistency(newSize, null, cp).oldRoot();
    Hash oldRoot = rootAt(oldSize);
    ConsistencyProof proof = source.consistencyProof(oldSize, newSize);
    check(proof, oldSize, newSize);
    try {
      Proofs.checkConsistency(proof, oldRoot, newRoot);
    } catch (MerkleException e) {
      throw new VerificationException(
          "consistency proof from size " + oldSize + " to " + newSize + ": " + e.getMessage(), e);
    }
    return new ConsistencyResult(oldSize, oldRoot, newSize, newRoot, proof);
  }

  /** A checked consistency proof and the roots it was checked with. */
  public record ConsistencyResult(
      long oldSize, Hash oldRoot, long newSize, Hash newRoot, ConsistencyProof proof) {}

  private Hash rootAt(long size) {
    if (size == 0) {
      return TreeHasher.emptyRoot();
    }
    byte[] last = source.entries(size - 1, size, size).get(0);
    InclusionProof p = source.inclusionProof(size - 1, size);
    try {
      return Proofs.rootFromInclusion(p, TreeHasher.leafHash(last));
    } catch (MerkleException e) {
      throw new VerificationException("proof of the last leaf of size " + size + ": " + e, e);
    }
  }

  private byte[] fetchEntry(long index, VerifiedCheckpoint cp) {
    List<byte[]> got = source.entries(index, index + 1, cp.size());
    if (got.isEmpty()) {
      throw new VerificationException("log returned no entry " + index);
    }
    return got.get(0);
  }

  private static void requireIndex(long index, VerifiedCheckpoint cp) {
    if (index < 0 || index >= cp.size()) {
      throw new LogRequestException(
          "OUT_OF_RANGE", "index " + index + " is not below checkpoint size " + cp.size(), null);
    }
  }

  /** Checks {@code proof} for {@code leaf} at {@code index} against cp's root and size. */
  public static void checkInclusion(
      InclusionProof proof, long index, Hash leaf, VerifiedCheckpoint cp) {
    if (proof.index() != index || proof.treeSize() != cp.size()) {
      throw new VerificationException(
          "inclusion proof is for index "
              + proof.index()
              + " in size "
              + proof.treeSize()
              + ", want index "
              + index
              + " in size "
              + cp.size());
    }
    try {
      Proofs.checkInclusion(proof, leaf, cp.root());
    } catch (MerkleException e) {
      throw new VerificationException(
          "inclusion proof of entry " + index + " in size " + cp.size() + ": " + e.getMessage(), e);
    }
  }

  private static void check(ConsistencyProof p, long first, long second) {
    if (p.first() != first || p.second() != second) {
      throw new VerificationException(
          "consistency proof is for "
              + p.first()
              + " -> "
              + p.second()
              + ", want "
              + first
              + " -> "
              + second);
    }
  }
}
