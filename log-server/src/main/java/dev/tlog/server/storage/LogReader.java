package dev.tlog.server.storage;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.HashReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A consistent snapshot of the stored log (one LMDB read transaction). Methods throw {@link
 * dev.tlog.server.errors.OutOfRangeException} for indices at or beyond {@link #size()}. Not
 * thread-safe: use a reader from one thread at a time, and close it.
 */
public interface LogReader extends HashReader, AutoCloseable {
  /** Number of entries in this snapshot. */
  long size();

  /** The bytes of entry {@code index}, in [0, size). */
  byte[] entry(long index);

  /** Entries [start, end), which must lie within [0, size]. */
  List<byte[]> entries(long start, long end);

  /** The linear chain hash C[index], in [0, size). */
  Hash chainHash(long index);

  /** The index of the entry whose leaf hash is {@code leafHash}, if stored. */
  OptionalLong indexOf(Hash leafHash);

  /**
   * Hashes of {@code count} consecutive complete nodes at {@code level} starting at {@code start}.
   */
  List<Hash> nodeRow(int level, long start, int count);

  /** The signed checkpoint with the largest size, if any. */
  Optional<StoredCheckpoint> latestCheckpoint();

  /** The signed checkpoint for exactly {@code size}, if one was stored. */
  Optional<StoredCheckpoint> checkpoint(long size);

  /** The latest checkpoint published with witness cosignatures, if any. */
  Optional<StoredCheckpoint> cosignedCheckpoint();

  @Override
  void close();
}
