package dev.tlog.server.storage;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.tile.TileMath;

/**
 * The stored form of one hash tile: every complete node of the 8 tree levels the tile spans, not
 * only its base row. A tile at tile level {@code L} with width {@code w} (1..256) stores, for
 * {@code k = 0..7}, the {@code floor(w / 2^k)} complete nodes of tree level {@code 8L + k} below
 * it, row after row, 32 bytes each. Row 0 is exactly the C2SP tlog-tiles body, so a tile is served
 * by one read and a slice; the upper rows let any node of the tree be read with one lookup instead
 * of re-hashing up to 128 hashes (see spec/storage.md).
 *
 * <p>Pure arithmetic; no I/O.
 */
public final class TileStratum {
  /** Rows per tile: tree levels {@code 8L .. 8L + 7}. */
  public static final int ROWS = TileMath.HEIGHT;

  private TileStratum() {}

  /** Hashes in row {@code row} of a tile of {@code width}. */
  public static int rowLength(int width, int row) {
    return width >>> row;
  }

  /** Hashes before row {@code row} in the stored value of a tile of {@code width}. */
  public static int rowStart(int width, int row) {
    int start = 0;
    for (int k = 0; k < row; k++) {
      start += width >>> k;
    }
    return start;
  }

  /** Bytes of the stored value of a tile of {@code width}. */
  public static int byteLength(int width) {
    return rowStart(width, ROWS) * Hash.SIZE;
  }

  /**
   * Where node {@code id} lives: the tile (level, index) and the hash's position in its stored
   * value, for a tile of the given width. Does not check that the node is complete.
   */
  public static Location locate(NodeId id) {
    int level = id.level() / ROWS;
    int row = id.level() % ROWS;
    int shift = TileMath.HEIGHT - row;
    long tile = id.index() >>> shift;
    int offset = (int) (id.index() & ((1L << shift) - 1));
    return new Location(level, tile, row, offset);
  }

  /**
   * The stored form of a tile whose base row is {@code base} ({@code width} hashes): every upper
   * row hashed from the one below (RFC 6962 §2.1 interior nodes).
   */
  public static byte[] fromBase(byte[] base) {
    if (base.length == 0 || base.length % Hash.SIZE != 0 || base.length > 256 * Hash.SIZE) {
      throw new IllegalArgumentException(
          "base row must be 1..256 hashes, got " + base.length + " bytes");
    }
    int width = base.length / Hash.SIZE;
    byte[] out = new byte[byteLength(width)];
    System.arraycopy(base, 0, out, 0, base.length);
    for (int k = 1; k < ROWS; k++) {
      int below = rowStart(width, k - 1) * Hash.SIZE;
      int here = rowStart(width, k) * Hash.SIZE;
      for (int i = 0; i < rowLength(width, k); i++) {
        Hash left = Hash.of(out, below + 2 * i * Hash.SIZE);
        Hash right = Hash.of(out, below + (2 * i + 1) * Hash.SIZE);
        TreeHasher.nodeHash(left, right).copyTo(out, here + i * Hash.SIZE);
      }
    }
    return out;
  }

  /** The hash of the whole subtree a full tile (width 256) covers, one level above its rows. */
  public static Hash top(byte[] fullStratum) {
    if (fullStratum.length != byteLength(256)) {
      throw new IllegalArgumentException("not a full tile: " + fullStratum.length + " bytes");
    }
    int row7 = rowStart(256, ROWS - 1) * Hash.SIZE;
    return TreeHasher.nodeHash(Hash.of(fullStratum, row7), Hash.of(fullStratum, row7 + Hash.SIZE));
  }

  /** A node's place: tile {@code (level, index)}, row and offset within that row. */
  public record Location(int level, long index, int row, int offset) {
    /** Byte offset of the hash inside a stored tile of {@code width}. */
    public int byteOffset(int width) {
      return (rowStart(width, row) + offset) * Hash.SIZE;
    }
  }
}
