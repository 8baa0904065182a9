package dev.tlog.server.integrate;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.storage.BatchWrite.TileWrite;
import dev.tlog.server.storage.TileStratum;

/**
 * The rightmost tile of one tile level as it grows: the complete nodes of its 8 rows, and whether
 * it changed since it was last written. Confined to the sequencer's builder thread.
 */
final class TileBuilder {
  private final int level;
  private final byte[][] rows = new byte[TileStratum.ROWS][];
  private final int[] counts = new int[TileStratum.ROWS];
  private long index;
  private boolean dirty;

  TileBuilder(int level, long index) {
    this.level = level;
    this.index = index;
    for (int k = 0; k < TileStratum.ROWS; k++) {
      rows[k] = new byte[(TileMath.FULL_WIDTH >>> k) * Hash.SIZE];
    }
  }

  /** Restores a partial tile from its stored form. */
  static TileBuilder restore(int level, long index, int width, byte[] stratum) {
    TileBuilder t = new TileBuilder(level, index);
    if (stratum.length != TileStratum.byteLength(width)) {
      throw new StateMismatchException(
          "tile " + level + "/" + index + " holds " + stratum.length + " bytes for width " + width);
    }
    for (int k = 0; k < TileStratum.ROWS; k++) {
      int n = TileStratum.rowLength(width, k);
      System.arraycopy(
          stratum, TileStratum.rowStart(width, k) * Hash.SIZE, t.rows[k], 0, n * Hash.SIZE);
      t.counts[k] = n;
    }
    return t;
  }

  long index() {
    return index;
  }

  /** Adds the next complete node of row {@code row}. */
  void add(int row, long offset, Hash hash) {
    if (offset != counts[row]) {
      throw new IllegalStateException(
          "tile " + level + "/" + index + " row " + row + " expects node " + counts[row]);
    }
    hash.copyTo(rows[row], counts[row]++ * Hash.SIZE);
    dirty = true;
  }

  /** Starts tile {@code next}; the caller has taken this one's final form. */
  void reset(long next) {
    index = next;
    java.util.Arrays.fill(counts, 0);
    dirty = false;
  }

  boolean dirty() {
    return dirty;
  }

  /** The stored form at the current width; clears the dirty mark. */
  TileWrite take() {
    int width = counts[0];
    byte[] out = new byte[TileStratum.byteLength(width)];
    for (int k = 0; k < TileStratum.ROWS; k++) {
      int n = TileStratum.rowLength(width, k);
      if (counts[k] != n) {
        throw new IllegalStateException(
            "tile "
                + level
                + "/"
                + index
                + " row "
                + k
                + " has "
                + counts[k]
                + " nodes, want "
                + n);
      }
      System.arraycopy(rows[k], 0, out, TileStratum.rowStart(width, k) * Hash.SIZE, n * Hash.SIZE);
    }
    dirty = false;
    return new TileWrite(level, index, out);
  }
}
