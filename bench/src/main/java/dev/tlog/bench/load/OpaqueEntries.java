package dev.tlog.bench.load;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique opaque entries of a fixed size: a per-run random 8-byte prefix, an 8-byte sequence number,
 * then filler. Thread-safe.
 */
public final class OpaqueEntries implements EntrySource {
  private final int size;
  private final long runId = new SecureRandom().nextLong();
  private final AtomicLong next = new AtomicLong();

  public OpaqueEntries(int size) {
    if (size < 16) {
      throw new IllegalArgumentException("entries need at least 16 bytes, got " + size);
    }
    this.size = size;
  }

  @Override
  public ByteString next() {
    ByteBuffer b = ByteBuffer.allocate(size);
    long seq = next.getAndIncrement();
    b.putLong(runId).putLong(seq);
    while (b.hasRemaining()) {
      b.put((byte) (seq * 31 + b.position()));
    }
    return ByteString.copyFrom(b.array());
  }

  @Override
  public long sequenceOf(ByteString entry) {
    if (entry.size() != size) {
      return -1;
    }
    ByteBuffer b = entry.asReadOnlyByteBuffer();
    return b.getLong() == runId ? b.getLong() : -1;
  }
}
