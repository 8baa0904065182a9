package dev.tlog.server.read;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.errors.NotFoundException;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.util.ArrayList;
import java.util.List;

/**
 * The log's read operations, shared by every transport. Sizes are bounded by the latest signed
 * checkpoint, so everything served can be verified against a signed root. Range rule: a request
 * that may become valid as the log grows is {@link OutOfRangeException}; one that can never be
 * valid is {@link InvalidRequestException}. Positions, sizes and indexes from requests are uint64
 * values (see {@link Uint64}): compared and printed unsigned. Thread-safe.
 */
public final class LogReads {
  private final LogStorage storage;
  private final CheckpointFeed signed;
  private final LeafIndex leafIndex;
  private final int maxEntriesPerPage;

  public LogReads(
      LogStorage storage, CheckpointFeed signed, LeafIndex leafIndex, int maxEntriesPerPage) {
    this.storage = storage;
    this.signed = signed;
    this.leafIndex = leafIndex;
    this.maxEntriesPerPage = maxEntriesPerPage;
  }

  public int maxEntriesPerPage() {
    return maxEntriesPerPage;
  }

  /** Size of the latest signed checkpoint: every read is bounded by it. */
  public long signedSize() {
    return signed.current().size();
  }

  private long resolveTreeSize(long treeSize) {
    long latest = signedSize();
    if (Uint64.compare(treeSize, latest) > 0) {
      throw new OutOfRangeException(
          "tree_size " + Uint64.str(treeSize) + " is beyond the latest checkpoint size " + latest);
    }
    return treeSize == 0 ? latest : treeSize;
  }

  /** Inclusion proof of entry {@code index} in the tree of {@code treeSize} (0 = latest). */
  public InclusionProof inclusion(long index, long treeSize) {
    long size = resolveTreeSize(treeSize);
    if (Uint64.compare(index, size) >= 0) {
      String msg = "index " + Uint64.str(index) + " is not < tree size " + size;
      throw treeSize == 0 ? new OutOfRangeException(msg) : new InvalidRequestException(msg);
    }
    try (LogReader r = storage.reader()) {
      return Proofs.proveInclusion(index, size, r);
    }
  }

  /** Inclusion proof of the entry with {@code leafHash} in the tree of {@code treeSize}. */
  public InclusionProof inclusionByLeafHash(byte[] leafHash, long treeSize) {
    if (leafHash.length != Hash.SIZE) {
      throw new InvalidRequestException(
          "leaf_hash must be " + Hash.SIZE + " bytes, got " + leafHash.length);
    }
    long size = resolveTreeSize(treeSize);
    Hash leaf = Hash.of(leafHash);
    // No reader is held while the index is consulted: the builder holds the index's lock while it
    // opens readers, so holding one here could close a cycle with a map resize waiting on both.
    long index =
        leafIndex.find(
            leaf,
            i -> {
              try (LogReader r = storage.reader()) {
                return i < r.size() && leaf.equals(r.leafHash(i));
              }
            });
    if (index < 0) {
      throw new NotFoundException("no entry has leaf hash " + leaf);
    }
    if (index >= size) {
      throw new OutOfRangeException(
          "leaf hash is at index " + index + ", not within the tree of size " + size);
    }
    return inclusion(index, size);
  }

  /** Consistency proof between trees of sizes {@code first} and {@code second}. */
  public ConsistencyProof consistency(long first, long second) {
    if (Uint64.compare(first, second) > 0) {
      throw new InvalidRequestException(
          "need 0 <= first <= second, got first="
              + Uint64.str(first)
              + " second="
              + Uint64.str(second));
    }
    long latest = signedSize();
    if (Uint64.compare(second, latest) > 0) {
      throw new OutOfRangeException(
          "second " + Uint64.str(second) + " is beyond the latest checkpoint size " + latest);
    }
    try (LogReader r = storage.reader()) {
      return Proofs.proveConsistency(first, second, r);
    }
  }

  /**
   * The end of the entries a request for {@code [start, end)} is answered with: clipped to at most
   * {@link #maxEntriesPerPage()} entries and to the latest checkpoint size. Every entry below the
   * returned end is durable and never changes, so it may be read later, in any number of read
   * transactions ({@link #entriesFrom}).
   */
  public long entriesEnd(long start, long end) {
    if (Uint64.compare(start, end) > 0) {
      throw new InvalidRequestException(
          "need 0 <= start <= end, got start=" + Uint64.str(start) + " end=" + Uint64.str(end));
    }
    long latest = signedSize();
    // An empty range at the tip is a follower polling for news; past the tip it is out of range.
    int vsLatest = Uint64.compare(start, latest);
    if (vsLatest > 0 || (vsLatest == 0 && start != end)) {
      throw new OutOfRangeException(
          "start " + Uint64.str(start) + " is not below the latest checkpoint size " + latest);
    }
    // start <= latest < 2^63 here, so neither sum nor difference can overflow.
    return Math.min(Uint64.min(end, latest), start + maxEntriesPerPage);
  }

  /**
   * Entries from {@code start} towards {@code end} (a value from {@link #entriesEnd}), read in one
   * short read transaction: at least one entry if {@code start < end}, and no more once their data
   * and hashes reach {@code maxBytes} (so at most {@code maxBytes} plus one entry).
   */
  public List<StoredEntry> entriesFrom(long start, long end, long maxBytes) {
    List<byte[]> data = new ArrayList<>();
    List<Hash> chain;
    try (LogReader r = storage.reader()) {
      long bytes = 0;
      for (long i = start; i < end && bytes < maxBytes; i++) {
        byte[] e = r.entry(i);
        data.add(e);
        bytes += e.length + 2L * Hash.SIZE;
      }
      chain = r.chainHashes(start, start + data.size());
    }
    List<StoredEntry> out = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      out.add(
          new StoredEntry(start + i, data.get(i), TreeHasher.leafHash(data.get(i)), chain.get(i)));
    }
    return out;
  }
}
