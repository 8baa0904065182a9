package dev.tlog.server.integrate;

import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.storage.BatchWrite;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Builds batches: assigns indices, deduplicates by leaf hash, extends the Merkle tree, its tiles
 * and the linear chain, and on {@link #seal} signs the checkpoint for the new size and hands out
 * everything one durable transaction must write. It does no durable I/O itself: the sequencer's
 * writer commits sealed batches in order, so the tree here may run up to two batches ahead of disk.
 * After a failed commit, {@link #reload} returns to what is durable.
 *
 * <p>Threading: confined to the sequencer's builder thread.
 */
public final class Integrator {
  private final LogStorage storage;
  private final CheckpointSigner signer;
  private final LeafIndex leafIndex;
  private final boolean dedup;
  private final LongSupplier durableSize;
  // Null for an opaque log.
  private final ReceiveClock clock;
  private CompactRange tree;
  private Hash chainHead;
  private EdgeTiles tiles;
  private EdgeBundle bundle;
  private SignedCheckpoint latest;
  private Segment open;
  // Sealed batches the writer may not have made durable yet, oldest first.
  private final Deque<Segment> sealed = new ArrayDeque<>();

  /**
   * Starts from the stored log, whose signed checkpoint is {@code current}. {@code leafIndex} must
   * already hold every stored entry; {@code durableSize} reports what the writer has committed.
   * {@code clock} writes clock marks (a ledger log); null for an opaque log.
   */
  public Integrator(
      LogStorage storage,
      CheckpointSigner signer,
      LeafIndex leafIndex,
      boolean dedup,
      LongSupplier durableSize,
      ReceiveClock clock,
      SignedCheckpoint current) {
    this.storage = storage;
    this.signer = signer;
    this.leafIndex = leafIndex;
    this.dedup = dedup;
    this.durableSize = durableSize;
    this.clock = clock;
    load(current);
  }

  private void load(SignedCheckpoint current) {
    try (LogReader r = storage.reader()) {
      long size = r.size();
      if (current.size() != size) {
        throw new IllegalStateException(
            "checkpoint size " + current.size() + " differs from stored size " + size);
      }
      tree = CompactRange.of(0, size, r.readHashes(CompactRange.decompose(0, size)));
      chainHead = size == 0 ? Hash.ZERO : r.chainHash(size - 1);
      tiles = EdgeTiles.load(r);
      bundle = EdgeBundle.load(r);
      if (clock != null) {
        clock.load(r);
      }
    }
    latest = current;
    open = new Segment(tree.end());
    sealed.clear();
  }

  /**
   * Forgets every batch that is not durable and continues from storage, whose signed checkpoint is
   * {@code durable}; rebuilds the leaf index.
   */
  public void reload(SignedCheckpoint durable) {
    load(durable);
    try (LogReader r = storage.reader()) {
      leafIndex.rebuild(r);
    }
  }

  /** Tree size including every batch built so far. */
  public long size() {
    return tree.end();
  }

  /** Entries in the open batch (duplicates excluded). */
  public int openEntries() {
    return open.leaves.size();
  }

  /**
   * Adds one request's entries to the open batch, in order; returns where each landed. In a ledger
   * log the batch starts with a clock mark when the clock has advanced a step since the last.
   */
  public List<Slot> add(List<Submitted> request) {
    List<Slot> out = new ArrayList<>(request.size());
    for (Submitted s : request) {
      byte[] entry = s.entry();
      Hash leaf = TreeHasher.leafHash(entry);
      if (clock != null && !open.clockRead) {
        open.clockRead = true;
        long mark = clock.next();
        if (mark >= 0) {
          byte[] markEntry = EventCodec.clockEntry(mark);
          Hash markLeaf = TreeHasher.leafHash(markEntry);
          leafIndex.put(markLeaf, tree.end());
          extend(markEntry, markLeaf, null);
        }
      }
      long index = tree.end();
      if (dedup) {
        long existing = leafIndex.putUnlessPresent(leaf, index, i -> leaf.equals(leafAt(i)));
        if (existing >= 0) {
          out.add(new Slot(existing, leaf, chainAt(existing), true));
          continue;
        }
      }
      if (!dedup) {
        leafIndex.put(leaf, index);
      }
      out.add(new Slot(index, leaf, extend(entry, leaf, s.payloadRecord()), false));
    }
    return out;
  }

  /** Appends one new leaf to the tree, tiles, chain and bundle; returns its chain hash. */
  private Hash extend(byte[] entry, Hash leaf, byte[] payloadRecord) {
    long index = tree.end();
    tree.append(leaf, tiles::visit);
    chainHead = HashChain.next(chainHead, leaf);
    bundle.add(entry, chainHead);
    open.leaves.add(leaf);
    open.chain.add(chainHead);
    if (payloadRecord != null) {
      open.payloads.add(new BatchWrite.PayloadWrite(index, payloadRecord));
    }
    return chainHead;
  }

  /**
   * Closes the open batch: signs the checkpoint for the new size (the previous one when the batch
   * added nothing) and returns what must be written.
   */
  public SealedBatch seal() {
    long start = open.start;
    long durable = durableSize.getAsLong();
    while (!sealed.isEmpty() && sealed.peekFirst().end() <= durable) {
      sealed.removeFirst();
    }
    if (open.leaves.isEmpty()) {
      return new SealedBatch(start, Optional.empty(), latest);
    }
    latest = signer.sign(tree.end(), tree.root(), chainHead);
    BatchWrite write =
        new BatchWrite(
            start,
            tree.end(),
            bundle.takeChanged(),
            tiles.takeChanged(),
            open.payloads,
            latest.note().getBytes(StandardCharsets.UTF_8));
    sealed.addLast(open);
    open = new Segment(tree.end());
    return new SealedBatch(start, Optional.of(write), latest);
  }

  private Hash leafAt(long index) {
    Segment s = segmentOf(index);
    if (s != null) {
      return s.leaves.get((int) (index - s.start));
    }
    try (LogReader r = storage.reader()) {
      return index < r.size() ? r.leafHash(index) : null;
    }
  }

  private Hash chainAt(long index) {
    Segment s = segmentOf(index);
    if (s != null) {
      return s.chain.get((int) (index - s.start));
    }
    try (LogReader r = storage.reader()) {
      return r.chainHash(index);
    }
  }

  private Segment segmentOf(long index) {
    if (index >= open.start) {
      return open;
    }
    for (Segment s : sealed) {
      if (index >= s.start && index < s.end()) {
        return s;
      }
    }
    return null;
  }

  /** Leaves and chain hashes of a batch from {@code start}, kept until it is durable. */
  private static final class Segment {
    final long start;
    final List<Hash> leaves = new ArrayList<>();
    final List<Hash> chain = new ArrayList<>();
    final List<BatchWrite.PayloadWrite> payloads = new ArrayList<>();
    boolean clockRead;

    Segment(long start) {
      this.start = start;
    }

    long end() {
      return start + leaves.size();
    }
  }
}
