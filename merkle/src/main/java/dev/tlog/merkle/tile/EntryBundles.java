package dev.tlog.merkle.tile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Entry bundle bodies (C2SP tlog-tiles "Log entries"): each entry as a big-endian uint16 length
 * followed by that many bytes, entries in index order, nothing before, between or after. An entry
 * is therefore at most {@value #MAX_ENTRY_SIZE} bytes; a bundle holds 1..256 entries.
 *
 * <p>Decoding is all-or-nothing: a truncated length or entry, bytes left over after the last
 * expected entry, or a count that differs from the expected width throws {@link
 * TileFormatException}.
 */
public final class EntryBundles {
  /** Largest entry a uint16 length prefix can describe. */
  public static final int MAX_ENTRY_SIZE = 0xffff;

  private static final int PREFIX = 2;

  private EntryBundles() {}

  /** The body of a bundle holding {@code entries} (1..256 of them, each at most 65535 bytes). */
  public static byte[] encode(List<byte[]> entries) {
    if (entries.isEmpty() || entries.size() > TileMath.FULL_WIDTH) {
      throw new TileFormatException("an entry bundle holds 1..256 entries, got " + entries.size());
    }
    int total = 0;
    for (int i = 0; i < entries.size(); i++) {
      int len = entries.get(i).length;
      if (len > MAX_ENTRY_SIZE) {
        throw new TileFormatException(
            "entry " + i + " is " + len + " bytes, at most " + MAX_ENTRY_SIZE + " fit a bundle");
      }
      total += PREFIX + len;
    }
    byte[] body = new byte[total];
    int pos = 0;
    for (byte[] e : entries) {
      body[pos] = (byte) (e.length >>> 8);
      body[pos + 1] = (byte) e.length;
      System.arraycopy(e, 0, body, pos + PREFIX, e.length);
      pos += PREFIX + e.length;
    }
    return body;
  }

  /** The entries of a body holding 1..256 entries. The list and arrays are fresh copies. */
  public static List<byte[]> decode(byte[] body) {
    List<byte[]> entries = parse(body, TileMath.FULL_WIDTH, "entry bundle");
    if (entries.isEmpty()) {
      throw new TileFormatException("entry bundle is empty; empty bundles are never served");
    }
    return entries;
  }

  /** The entries of {@code bundle}'s body, which must hold exactly {@code bundle.width()}. */
  public static List<byte[]> decode(EntryBundleId bundle, byte[] body) {
    String name = "entry bundle " + bundle;
    List<byte[]> entries = parse(body, bundle.width(), name);
    if (entries.size() != bundle.width()) {
      throw new TileFormatException(
          name + " holds " + entries.size() + " entries, want " + bundle.width());
    }
    return entries;
  }

  // Reads at most maxEntries; any bytes after them are an error.
  private static List<byte[]> parse(byte[] body, int maxEntries, String name) {
    List<byte[]> entries = new ArrayList<>();
    int pos = 0;
    while (pos < body.length) {
      if (entries.size() == maxEntries) {
        throw new TileFormatException(
            name + ": " + (body.length - pos) + " trailing bytes after " + maxEntries + " entries");
      }
      if (body.length - pos < PREFIX) {
        throw new TileFormatException(
            name + ": truncated length of entry " + entries.size() + " at offset " + pos);
      }
      int len = ((body[pos] & 0xff) << 8) | (body[pos + 1] & 0xff);
      pos += PREFIX;
      if (body.length - pos < len) {
        throw new TileFormatException(
            name
                + ": entry "
                + entries.size()
                + " declares "
                + len
                + " bytes, only "
                + (body.length - pos)
                + " remain");
      }
      byte[] e = new byte[len];
      System.arraycopy(body, pos, e, 0, len);
      entries.add(e);
      pos += len;
    }
    return Collections.unmodifiableList(entries);
  }
}
