package dev.tlog.bench.load;

import java.util.Arrays;

/**
 * Acknowledged appends: log index to the sequence number of the entry sent. Thread-safe; grows by
 * doubling, 16 bytes per ack.
 */
public final class AckLedger {
  private long[] indexes = new long[1 << 16];
  private long[] sequences = new long[1 << 16];
  private int size;

  public synchronized void add(long index, long sequence) {
    if (size == indexes.length) {
      indexes = Arrays.copyOf(indexes, size * 2);
      sequences = Arrays.copyOf(sequences, size * 2);
    }
    indexes[size] = index;
    sequences[size] = sequence;
    size++;
  }

  public synchronized int size() {
    return size;
  }

  /** Acks sorted by index: {@code [i][0]} index, {@code [i][1]} sequence. */
  public synchronized long[][] sortedByIndex() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(indexes[a], indexes[b]));
    long[][] out = new long[size][];
    for (int i = 0; i < size; i++) {
      out[i] = new long[] {indexes[order[i]], sequences[order[i]]};
    }
    return out;
  }
}
