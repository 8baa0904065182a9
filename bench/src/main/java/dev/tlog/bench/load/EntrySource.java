package dev.tlog.bench.load;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique entries of a fixed size: a per-run random 8-byte prefix, an 8-byte sequence number, then
 * filler. Unique because the log answers a repeated entry with its existing index instead of
 * appending it. Thread-safe.
 */
public final class EntrySource {
  private final int size;
  private final long runId = new SecureRandom().nextLong();
  private final AtomicLong next = new AtomicLong();

  public EntrySource(int size) {
    if (size < 16) {
      throw new IllegalArgumentException("entries need at least 16 bytes, got " + size);
    }
    this.size = size;
  }

  /** A new entry, never returned before by this source. */
  public ByteString next() {
    ByteBuffer b = ByteBuffer.allocate(size);
    long seq = next.getAndIncrement();
    b.putLong(runId).putLong(seq);
    while (b.hasRemaining()) {
      b.put((byte) (seq * 31 + b.position()));
    }
    return ByteString.copyFrom(b.array());
  }

  /** The sequence number of an entry made by this source, or -1 if another source made it. */
  public long sequenceOf(ByteString entry) {
    if (entry.size() != size) {
      return -1;
    }
    ByteBuffer b = entry.asReadOnlyByteBuffer();
    return b.getLong() == runId ? b.getLong() : -1;
  }
}
