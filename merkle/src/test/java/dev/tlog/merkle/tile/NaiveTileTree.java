package dev.tlog.merkle.tile;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.HashReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only reference: every complete node hash of a tree, built level by level, plus the RFC 6962
 * §2.1 recursive MTH. Deliberately simple; the tile code is checked against it.
 */
final class NaiveTileTree {
  private final List<Hash[]> levels = new ArrayList<>();

  NaiveTileTree(List<Hash> leafHashes) {
    Hash[] row = leafHashes.toArray(new Hash[0]);
    levels.add(row);
    while (row.length > 1) {
      Hash[] up = new Hash[row.length / 2];
      for (int i = 0; i < up.length; i++) {
        up[i] = TreeHasher.nodeHash(row[2 * i], row[2 * i + 1]);
      }
      levels.add(up);
      row = up;
    }
  }

  /** A tree whose leaf i is leafHash(big-endian 8-byte i): cheap and distinct. */
  static NaiveTileTree ofSize(long n) {
    List<Hash> leaves = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      leaves.add(TreeHasher.leafHash(ByteBuffer.allocate(8).putLong(i).array()));
    }
    return new NaiveTileTree(leaves);
  }

  long size() {
    return levels.get(0).length;
  }

  /** Hash of a complete node; null if the node is not complete. */
  Hash node(NodeId id) {
    if (id.level() >= levels.size() || id.index() >= levels.get(id.level()).length) {
      return null;
    }
    return levels.get(id.level())[(int) id.index()];
  }

  /** Every complete node of the tree. */
  List<NodeId> allNodes() {
    List<NodeId> ids = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      for (long i = 0; i < levels.get(l).length; i++) {
        ids.add(new NodeId(l, i));
      }
    }
    return ids;
  }

  /** The tiles of this tree, built by chunking rows 0, 8, 16, ... into runs of 256. */
  Map<TileId, byte[]> tiles() {
    Map<TileId, byte[]> tiles = new HashMap<>();
    for (int l = 0; l < levels.size(); l += 8) {
      Hash[] row = levels.get(l);
      for (int start = 0; start < row.length; start += 256) {
        int w = Math.min(256, row.length - start);
        byte[] body = new byte[w * 32];
        for (int i = 0; i < w; i++) {
          row[start + i].copyTo(body, i * 32);
        }
        tiles.put(new TileId(l / 8, start / 256, w), body);
      }
    }
    return tiles;
  }

  /** RFC 6962 §2.1 MTH by recursion on the largest power of two below n. */
  Hash root() {
    return mth(0, (int) size());
  }

  private Hash mth(int lo, int hi) {
    int n = hi - lo;
    if (n == 0) {
      return TreeHasher.emptyRoot();
    }
    if (n == 1) {
      return levels.get(0)[lo];
    }
    int k = Integer.highestOneBit(n - 1);
    return TreeHasher.nodeHash(mth(lo, lo + k), mth(lo + k, hi));
  }

  /** The root of a tree of {@code size} from the complete subtrees a reader returns. */
  static Hash rootFrom(HashReader reader, long size) {
    if (size == 0) {
      return TreeHasher.emptyRoot();
    }
    List<NodeId> ids = new ArrayList<>();
    long start = 0;
    for (int b = 62; b >= 0; b--) {
      if ((size & (1L << b)) != 0) {
        ids.add(new NodeId(b, start >> b));
        start += 1L << b;
      }
    }
    List<Hash> hs = reader.readHashes(ids);
    Hash h = hs.get(hs.size() - 1);
    for (int i = hs.size() - 2; i >= 0; i--) {
      h = TreeHasher.nodeHash(hs.get(i), h);
    }
    return h;
  }
}
