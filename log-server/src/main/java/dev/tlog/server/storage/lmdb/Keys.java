package dev.tlog.server.storage.lmdb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Key encodings, big-endian so that LMDB's byte order is numeric order. Keys are written into
 * direct buffers the caller owns and keeps referenced for as long as LMDB may read them.
 */
final class Keys {
  /** Largest key: one level byte and an 8-byte index. */
  static final int MAX = 1 + Long.BYTES;

  private Keys() {}

  static ByteBuffer allocate() {
    return ByteBuffer.allocateDirect(MAX);
  }

  /** {@code buf} holding the 8-byte index. */
  static ByteBuffer index(ByteBuffer buf, long index) {
    buf.clear();
    buf.putLong(index).flip();
    return buf;
  }

  /** {@code buf} holding the tile key: the level byte, then the 8-byte index. */
  static ByteBuffer tile(ByteBuffer buf, int level, long index) {
    buf.clear();
    buf.put((byte) level).putLong(index).flip();
    return buf;
  }

  /** A fresh direct buffer holding {@code s} in UTF-8 (meta keys). */
  static ByteBuffer name(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocateDirect(b.length);
    buf.put(b).flip();
    return buf;
  }

  static long readLong(ByteBuffer value) {
    if (value.remaining() != Long.BYTES) {
      throw new IllegalArgumentException("expected 8 bytes, got " + value.remaining());
    }
    return value.duplicate().order(ByteOrder.BIG_ENDIAN).getLong();
  }

  static byte[] bytes(ByteBuffer value) {
    byte[] out = new byte[value.remaining()];
    value.duplicate().get(out);
    return out;
  }
}
