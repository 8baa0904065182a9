package dev.tlog.server.integrate;

import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.storage.BatchWrite;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Integrates sequenced batches: assigns indices, deduplicates by leaf hash, extends the Merkle tree
 * and the linear chain, writes everything in one durable transaction, then signs and publishes the
 * checkpoint for the new size.
 *
 * <p>Threading: confined to the single writer thread. On a storage failure the in-memory tree is
 * left as it was, so memory never runs ahead of disk.
 */
public final class Integrator implements BatchIntegrator {
  private final LogStorage storage;
  private final CheckpointSigner signer;
  private final CheckpointFeed feed;
  private CompactRange tree;
  private Hash chainHead;

  /** Loads the tree state from storage; {@code current} is the latest durable signed checkpoint. */
  public Integrator(
      LogStorage storage, CheckpointSigner signer, CheckpointFeed feed, SignedCheckpoint current) {
    this.storage = storage;
    this.signer = signer;
    this.feed = feed;
    try (LogReader r = storage.reader()) {
      long size = r.size();
      this.tree = CompactRange.of(0, size, r.readHashes(CompactRange.decompose(0, size)));
      this.chainHead = size == 0 ? Hash.ZERO : r.chainHash(size - 1);
    }
    if (current.size() != tree.end()) {
      throw new IllegalStateException(
          "checkpoint size " + current.size() + " differs from stored size " + tree.end());
    }
    feed.publish(current);
  }

  /** Current durable tree size. */
  public long size() {
    return tree.end();
  }

  /**
   * Integrates one batch of requests (each a list of entries, kept together) and returns one result
   * list per request, in order. Everything new is durable before this returns.
   */
  @Override
  public List<List<AppendResult>> integrate(List<List<byte[]>> requests) {
    CompactRange next = tree.copy();
    Map<NodeId, Hash> nodes = new HashMap<>();
    Map<Hash, Long> batchIndex = new HashMap<>();
    List<byte[]> newEntries = new ArrayList<>();
    List<Hash> newLeaves = new ArrayList<>();
    List<Hash> newChain = new ArrayList<>();
    Hash head = chainHead;
    List<List<Slot>> slots = new ArrayList<>(requests.size());
    try (LogReader r = storage.reader()) {
      for (List<byte[]> request : requests) {
        List<Slot> out = new ArrayList<>(request.size());
        for (byte[] entry : request) {
          Hash leaf = TreeHasher.leafHash(entry);
          OptionalLong stored = r.indexOf(leaf);
          if (stored.isPresent()) {
            long i = stored.getAsLong();
            out.add(new Slot(i, leaf, r.chainHash(i), true));
            continue;
          }
          Long inBatch = batchIndex.get(leaf);
          if (inBatch != null) {
            out.add(new Slot(inBatch, leaf, newChain.get((int) (inBatch - tree.end())), true));
            continue;
          }
          long index = next.end();
          next.append(leaf, nodes::put);
          head = HashChain.next(head, leaf);
          batchIndex.put(leaf, index);
          newEntries.add(entry);
          newLeaves.add(leaf);
          newChain.add(head);
          out.add(new Slot(index, leaf, head, false));
        }
        slots.add(out);
      }
    }
    SignedCheckpoint cp;
    if (newEntries.isEmpty()) {
      cp = feed.latest().orElseThrow();
    } else {
      storage.append(new BatchWrite(tree.end(), newEntries, newLeaves, newChain, nodes));
      tree = next;
      chainHead = head;
      cp = signer.sign(tree.end(), tree.root(), chainHead);
      storage.putCheckpoint(cp.size(), cp.note().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      feed.publish(cp);
    }
    List<List<AppendResult>> results = new ArrayList<>(slots.size());
    for (List<Slot> request : slots) {
      List<AppendResult> out = new ArrayList<>(request.size());
      for (Slot s : request) {
        out.add(new AppendResult(s.index, s.leaf, s.chain, cp, s.duplicate));
      }
      results.add(out);
    }
    return results;
  }

  private record Slot(long index, Hash leaf, Hash chain, boolean duplicate) {}
}
