package dev.tlog.bench.tree;

import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.HashNotFoundException;
import dev.tlog.merkle.proof.HashReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A fixed-size tree: every complete-subtree hash, level {@code l} holding {@code size >> l} hashes
 * in one array. Immutable once built; {@link #readHashes} is thread-safe.
 */
public final class ArrayHashTree implements HashReader {
  private final long size;
  private final byte[][] levels;
  private final Hash root;

  private ArrayHashTree(long size, byte[][] levels, Hash root) {
    this.size = size;
    this.levels = levels;
    this.root = root;
  }

  /** The tree whose leaf {@code i} is the leaf hash of {@code entry.apply(i)}. */
  public static ArrayHashTree build(int size, LongFunction<byte[]> entry) {
    if (size < 1) {
      throw new IllegalArgumentException("tree size must be >= 1, got " + size);
    }
    int height = 64 - Long.numberOfLeadingZeros(size);
    byte[][] levels = new byte[height][];
    for (int l = 0; l < height; l++) {
      levels[l] = new byte[(size >> l) * Hash.SIZE];
    }
    CompactRange range = CompactRange.empty(0);
    for (long i = 0; i < size; i++) {
      range.append(
          TreeHasher.leafHash(entry.apply(i)),
          (id, hash) -> hash.copyTo(levels[id.level()], (int) id.index() * Hash.SIZE));
    }
    return new ArrayHashTree(size, levels, range.root());
  }

  /** The deterministic 128-byte benchmark entry {@code i}: its index, then filler. */
  public static byte[] entry(long i) {
    byte[] e = new byte[128];
    for (int b = 0; b < 8; b++) {
      e[b] = (byte) (i >>> (56 - 8 * b));
    }
    for (int b = 8; b < e.length; b++) {
      e[b] = (byte) (b * 31 + i);
    }
    return e;
  }

  public long size() {
    return size;
  }

  public Hash root() {
    return root;
  }

  /** Leaf hash {@code i}. */
  public Hash leaf(long i) {
    return Hash.of(levels[0], (int) i * Hash.SIZE);
  }

  @Override
  public List<Hash> readHashes(List<NodeId> ids) {
    List<Hash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      if (id.level() >= levels.length || id.index() >= (size >> id.level())) {
        throw new HashNotFoundException(
            "node " + id + " is not a complete subtree of the tree of size " + size);
      }
      out.add(Hash.of(levels[id.level()], (int) id.index() * Hash.SIZE));
    }
    return out;
  }
}
