package dev.tlog.server.dedup;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.server.storage.LogReader;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * In-memory map from leaf hash to log index, kept off the durable write path: an append never
 * dirties a random storage page to maintain it (spec/storage.md). An open-addressing table of
 * (first 8 bytes of the leaf hash, index + 1) pairs, linear probing, at most 3/4 full: 21–32 bytes
 * per entry. A prefix match is only a <em>candidate</em>: callers confirm it against the stored
 * leaf hash, so a prefix collision costs one storage read and never a wrong answer.
 *
 * <p>Rebuilt from the level-0 tiles at start. Thread-safe: the sequencer inserts, readers look up.
 * Lock order: {@link #putUnlessPresent} may open storage readers under this index's lock, so a
 * caller must never hold a storage reader while it calls {@link #find} or {@link
 * #putUnlessPresent}. Several indexes may share a hash (when deduplication is off); lookups visit
 * candidates in insertion order, so the first confirmed one is the earliest entry.
 */
public final class LeafIndex {
  private static final int MIN_SLOTS = 1 << 10;

  // slots[2s] = key (prefix, never 0), slots[2s + 1] = index + 1; key 0 marks an empty slot.
  private long[] slots;
  private int used;

  public LeafIndex() {
    slots = new long[2 * MIN_SLOTS];
  }

  /** Records that entry {@code index} has leaf hash {@code leaf}. */
  public synchronized void put(Hash leaf, long index) {
    put(key(leaf.bytes(), 0), index);
  }

  private static void checkIndex(long index) {
    if (index < 0 || index == Long.MAX_VALUE) {
      throw new IllegalArgumentException("index must be in [0, 2^63 - 2], got " + index);
    }
  }

  private void put(long key, long index) {
    checkIndex(index);
    if ((used + 1L) * 4 > (slots.length / 2) * 3L) {
      grow();
    }
    insert(slots, key, index + 1);
    used++;
  }

  /**
   * Records that entry {@code index} has leaf hash {@code leaf} unless a candidate that {@code
   * confirm} accepts is already recorded; returns that earlier index, or -1 when {@code index} was
   * recorded. One probe of the table instead of a lookup then an insert: on this path the cost is
   * the memory access, not the comparisons. {@code confirm} runs under the lock (it is called only
   * on an 8-byte prefix match, which is rare unless the entry really is a duplicate).
   */
  public synchronized long putUnlessPresent(Hash leaf, long index, LongPredicate confirm) {
    checkIndex(index);
    if ((used + 1L) * 4 > (slots.length / 2) * 3L) {
      grow();
    }
    long key = key(leaf.bytes(), 0);
    int mask = slots.length / 2 - 1;
    int s = slot(key, mask);
    for (; slots[2 * s] != 0; s = (s + 1) & mask) {
      if (slots[2 * s] == key && confirm.test(slots[2 * s + 1] - 1)) {
        return slots[2 * s + 1] - 1;
      }
    }
    slots[2 * s] = key;
    slots[2 * s + 1] = index + 1;
    used++;
    return -1;
  }

  /**
   * The first candidate index for {@code leaf} that {@code confirm} accepts (it should compare the
   * stored leaf hash), or -1. Candidates are collected under the lock and confirmed outside it.
   */
  public long find(Hash leaf, LongPredicate confirm) {
    for (long index : candidates(key(leaf.bytes(), 0))) {
      if (confirm.test(index)) {
        return index;
      }
    }
    return -1;
  }

  private synchronized long[] candidates(long key) {
    int mask = slots.length / 2 - 1;
    long[] found = new long[1];
    int n = 0;
    for (int s = slot(key, mask); slots[2 * s] != 0; s = (s + 1) & mask) {
      if (slots[2 * s] == key) {
        if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = slots[2 * s + 1] - 1;
      }
    }
    return n == found.length ? found : Arrays.copyOf(found, n);
  }

  /** Number of entries recorded. */
  public synchronized int size() {
    return used;
  }

  /** Replaces the contents with every entry of {@code reader}'s snapshot (its level-0 tiles). */
  public synchronized void rebuild(LogReader reader) {
    long size = reader.size();
    int slotCount = MIN_SLOTS;
    while (slotCount < (1 << 29) && size * 4 > slotCount * 3L) {
      slotCount <<= 1;
    }
    slots = new long[2 * slotCount];
    used = 0;
    for (long t = 0; t << TileMath.HEIGHT < size; t++) {
      int width = TileMath.widthAt(0, t, size);
      byte[] row = reader.hashTile(0, t, width);
      for (int i = 0; i < width; i++) {
        put(key(row, i * Hash.SIZE), (t << TileMath.HEIGHT) + i);
      }
    }
  }

  private void grow() {
    if (slots.length >= 1 << 30) {
      throw new IllegalStateException("leaf index is full (" + used + " entries)");
    }
    long[] bigger = new long[slots.length * 2];
    int n = slots.length / 2;
    // Re-insert starting just after an empty slot, in table order: within every probe run, entries
    // keep their relative order, so equal keys stay in insertion order.
    int start = 0;
    while (slots[2 * start] != 0) {
      start++;
    }
    for (int k = 1; k <= n; k++) {
      int s = (start + k) & (n - 1);
      if (slots[2 * s] != 0) {
        insert(bigger, slots[2 * s], slots[2 * s + 1]);
      }
    }
    slots = bigger;
  }

  private static void insert(long[] table, long key, long value) {
    int mask = table.length / 2 - 1;
    int s = slot(key, mask);
    while (table[2 * s] != 0) {
      s = (s + 1) & mask;
    }
    table[2 * s] = key;
    table[2 * s + 1] = value;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }

  /** The first 8 bytes of the hash at {@code offset}, never 0 (0 marks an empty slot). */
  private static long key(byte[] b, int offset) {
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = k << 8 | (b[offset + i] & 0xff);
    }
    return k == 0 ? 1 : k;
  }
}
