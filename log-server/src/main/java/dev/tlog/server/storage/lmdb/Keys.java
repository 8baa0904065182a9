package dev.tlog.server.storage.lmdb;

import dev.tlog.merkle.hash.NodeId;
import java.nio.ByteBuffer;

/** Key encodings: big-endian so that LMDB's byte order is numeric order. */
final class Keys {
  private Keys() {}

  static byte[] index(long index) {
    return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
  }

  static long index(byte[] key) {
    if (key.length != Long.BYTES) {
      throw new IllegalArgumentException("index key must be 8 bytes, got " + key.length);
    }
    return ByteBuffer.wrap(key).getLong();
  }

  /** One level byte followed by the big-endian index. */
  static byte[] node(int level, long index) {
    return ByteBuffer.allocate(1 + Long.BYTES).put((byte) level).putLong(index).array();
  }

  static byte[] node(NodeId id) {
    return node(id.level(), id.index());
  }
}
