package dev.tlog.mirror.verify;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.tile.TileFormatException;
import java.util.Arrays;

/**
 * The body of a tile at a smaller width, cut from a wider body of the same position: the first
 * {@code width} hashes of a hash tile, the first {@code width} entries of a bundle (C2SP tlog-tiles
 * lets a log answer for a partial tile with a prefix of a wider one). All or nothing: a body
 * holding fewer items than asked for throws {@link TileFormatException}.
 */
public final class Prefixes {
  private Prefixes() {}

  /** The first {@code width} hashes of {@code body}. */
  public static byte[] hashTile(byte[] body, int width) {
    int want = width * Hash.SIZE;
    if (width < 1 || body.length < want) {
      throw new TileFormatException(
          "hash tile body of " + body.length + " bytes has no " + width + " hashes");
    }
    return body.length == want ? body : Arrays.copyOf(body, want);
  }

  /** The first {@code width} length-prefixed entries of bundle {@code body}. */
  public static byte[] entryBundle(byte[] body, int width) {
    int pos = 0;
    for (int i = 0; i < width; i++) {
      if (body.length - pos < 2) {
        throw new TileFormatException(
            "entry bundle body of " + body.length + " bytes ends before entry " + i);
      }
      int len = ((body[pos] & 0xff) << 8) | (body[pos + 1] & 0xff);
      pos += 2 + len;
      if (pos > body.length) {
        throw new TileFormatException(
            "entry bundle body of " + body.length + " bytes truncates entry " + i);
      }
    }
    return pos == body.length ? body : Arrays.copyOf(body, pos);
  }
}
