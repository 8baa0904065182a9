package dev.tlog.mirror.verify;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.HashTiles;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An honest log in memory, built the slow obvious way: the hashes at tree level {@code 8 * L} are
 * the RFC 9162 hashes of 256 hashes of level {@code 8 * (L - 1)}, and tiles are slices of them.
 */
final class MemoryLog {
  static final String ORIGIN = "tlog.test/memory";

  private final List<byte[]> entries = new ArrayList<>();
  private final Map<String, List<Hash>> rows = new HashMap<>();

  MemoryLog(long size, String salt) {
    for (long i = 0; i < size; i++) {
      entries.add(("entry " + salt + " " + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  long size() {
    return entries.size();
  }

  /** The body of {@code ref} as a log of {@code size} entries serves it. */
  byte[] body(TileRef ref, long size) {
    int from = (int) (ref.index() * TileMath.FULL_WIDTH);
    if (ref instanceof EntryBundleId b) {
      return EntryBundles.encode(entries.subList(from, from + b.width()));
    }
    TileId t = (TileId) ref;
    List<Hash> row = row(t.level(), size);
    return HashTiles.encode(row.subList(from, from + t.width()));
  }

  Checkpoint checkpoint(long size) {
    Hash root = size == 0 ? TreeHasher.emptyRoot() : mth(0, size);
    return new Checkpoint(ORIGIN, size, root);
  }

  private List<Hash> row(int level, long size) {
    return rows.computeIfAbsent(level + "/" + size, k -> computeRow(level, size));
  }

  private List<Hash> computeRow(int level, long size) {
    List<Hash> row = new ArrayList<>();
    long width = 1L << (TileMath.HEIGHT * level);
    for (long k = 0; (k + 1) * width <= size; k++) {
      row.add(mth(k * width, (k + 1) * width));
    }
    return row;
  }

  // RFC 9162 §2.1.1, recursively: the reference the tiles are checked against.
  private Hash mth(long begin, long end) {
    if (end - begin == 1) {
      return TreeHasher.leafHash(entries.get((int) begin));
    }
    long k = Long.highestOneBit(end - begin - 1);
    return TreeHasher.nodeHash(mth(begin, begin + k), mth(begin + k, end));
  }
}
