package dev.tlog.server.integrate;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.server.storage.BatchWrite.BundleWrite;
import dev.tlog.server.storage.LogReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rightmost entry bundle as it grows, with the chain hashes of its entries; hands out every
 * bundle a batch completed or widened. Confined to the sequencer's builder thread.
 */
final class EdgeBundle {
  private final List<BundleWrite> finished = new ArrayList<>();
  private final List<byte[]> entries = new ArrayList<>(TileMath.FULL_WIDTH);
  private final byte[] chain = new byte[TileMath.FULL_WIDTH * Hash.SIZE];
  private long index;
  private boolean dirty;

  /** The rightmost bundle of the stored log. */
  static EdgeBundle load(LogReader reader) {
    EdgeBundle b = new EdgeBundle();
    long size = reader.size();
    b.index = size >>> TileMath.HEIGHT;
    long start = b.index << TileMath.HEIGHT;
    if (start < size) {
      b.entries.addAll(reader.entries(start, size));
      List<Hash> hashes = reader.chainHashes(start, size);
      for (int i = 0; i < hashes.size(); i++) {
        hashes.get(i).copyTo(b.chain, i * Hash.SIZE);
      }
    }
    return b;
  }

  /** Appends the next entry of the log and its chain hash. */
  void add(byte[] entry, Hash chainHash) {
    if (entries.size() == TileMath.FULL_WIDTH) {
      if (dirty) {
        finished.add(take());
      }
      entries.clear();
      index++;
    }
    chainHash.copyTo(chain, entries.size() * Hash.SIZE);
    entries.add(entry);
    dirty = true;
  }

  private BundleWrite take() {
    dirty = false;
    return new BundleWrite(
        index, EntryBundles.encode(entries), Arrays.copyOf(chain, entries.size() * Hash.SIZE));
  }

  /** Every bundle changed since the last call, in its latest form. */
  List<BundleWrite> takeChanged() {
    List<BundleWrite> out = new ArrayList<>(finished);
    finished.clear();
    if (dirty) {
      out.add(take());
    }
    return out;
  }
}
