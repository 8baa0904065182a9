package dev.tlog.server.testing;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.StoredCheckpoint;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A real reader that adds the number of entries it reads ({@link #entry}, {@link #entries}). */
public final class CountingReader implements LogReader {
  private final LogReader real;
  private final AtomicLong entriesRead;

  public CountingReader(LogReader real, AtomicLong entriesRead) {
    this.real = real;
    this.entriesRead = entriesRead;
  }

  @Override
  public long size() {
    return real.size();
  }

  @Override
  public byte[] entry(long index) {
    byte[] e = real.entry(index);
    entriesRead.incrementAndGet();
    return e;
  }

  @Override
  public List<byte[]> entries(long start, long end) {
    List<byte[]> e = real.entries(start, end);
    entriesRead.addAndGet(e.size());
    return e;
  }

  @Override
  public byte[] entryBundle(long index, int width) {
    return real.entryBundle(index, width);
  }

  @Override
  public byte[] hashTile(int level, long index, int width) {
    return real.hashTile(level, index, width);
  }

  @Override
  public byte[] tileStratum(int level, long index) {
    return real.tileStratum(level, index);
  }

  @Override
  public Optional<byte[]> payloadRecord(long index) {
    return real.payloadRecord(index);
  }

  @Override
  public Hash chainHash(long index) {
    return real.chainHash(index);
  }

  @Override
  public List<Hash> chainHashes(long start, long end) {
    return real.chainHashes(start, end);
  }

  @Override
  public Hash leafHash(long index) {
    return real.leafHash(index);
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    return real.latestCheckpoint();
  }

  @Override
  public Optional<StoredCheckpoint> cosignedCheckpoint() {
    return real.cosignedCheckpoint();
  }

  @Override
  public List<Hash> readHashes(List<NodeId> ids) {
    return real.readHashes(ids);
  }

  @Override
  public void close() {
    real.close();
  }
}
