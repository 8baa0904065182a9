package dev.tlog.merkle.tile;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hash tile bodies: {@code width} 32-byte hashes concatenated in index order, nothing else. Full
 * tiles are exactly 8192 bytes.
 */
public final class HashTiles {
  private HashTiles() {}

  /** The body of a tile holding {@code hashes} (1..256 of them). */
  public static byte[] encode(List<Hash> hashes) {
    if (hashes.isEmpty() || hashes.size() > TileMath.FULL_WIDTH) {
      throw new TileFormatException("a hash tile holds 1..256 hashes, got " + hashes.size());
    }
    byte[] body = new byte[hashes.size() * Hash.SIZE];
    for (int i = 0; i < hashes.size(); i++) {
      hashes.get(i).copyTo(body, i * Hash.SIZE);
    }
    return body;
  }

  /** The hashes of a body of any valid width (a non-zero multiple of 32 bytes, at most 8192). */
  public static List<Hash> decode(byte[] body) {
    if (body.length == 0
        || body.length % Hash.SIZE != 0
        || body.length > TileMath.FULL_WIDTH * Hash.SIZE) {
      throw new TileFormatException(
          "hash tile body must be 32 to 8192 bytes in steps of 32, got " + body.length);
    }
    return split(body);
  }

  /** The hashes of {@code tile}'s body, which must be exactly {@code tile.width() * 32} bytes. */
  public static List<Hash> decode(TileId tile, byte[] body) {
    checkLength(tile, body);
    return split(body);
  }

  /** Throws {@link TileFormatException} unless {@code body} is {@code tile.width() * 32} bytes. */
  public static void checkLength(TileId tile, byte[] body) {
    int want = tile.width() * Hash.SIZE;
    if (body.length != want) {
      throw new TileFormatException(
          "hash tile " + tile + " body is " + body.length + " bytes, want " + want);
    }
  }

  /**
   * The Merkle subtree hash of the {@code count} stored hashes starting at hash {@code offset} of
   * {@code body}: the stored hash itself when {@code count == 1}, otherwise the RFC 6962 node hash
   * of the two halves. {@code count} must be a power of two dividing {@code offset}.
   */
  public static Hash subtreeHash(byte[] body, int offset, int count) {
    if (Integer.bitCount(count) != 1 || offset < 0 || offset % count != 0) {
      throw new IllegalArgumentException(
          "count must be a power of two dividing offset, got offset " + offset + " count " + count);
    }
    if ((long) (offset + count) * Hash.SIZE > body.length) {
      throw new TileFormatException(
          "hash tile body of "
              + body.length
              + " bytes has no hashes ["
              + offset
              + ", "
              + (offset + count)
              + ")");
    }
    Hash[] level = new Hash[count];
    for (int i = 0; i < count; i++) {
      level[i] = Hash.of(body, (offset + i) * Hash.SIZE);
    }
    for (int n = count; n > 1; n /= 2) {
      for (int i = 0; i < n / 2; i++) {
        level[i] = TreeHasher.nodeHash(level[2 * i], level[2 * i + 1]);
      }
    }
    return level[0];
  }

  private static List<Hash> split(byte[] body) {
    List<Hash> hashes = new ArrayList<>(body.length / Hash.SIZE);
    for (int off = 0; off < body.length; off += Hash.SIZE) {
      hashes.add(Hash.of(body, off));
    }
    return Collections.unmodifiableList(hashes);
  }
}
