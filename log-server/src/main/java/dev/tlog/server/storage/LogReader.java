package dev.tlog.server.storage;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.HashReader;
import java.util.List;
import java.util.Optional;

/**
 * A consistent snapshot of the stored log (one LMDB read transaction). Methods throw {@link
 * dev.tlog.server.errors.OutOfRangeException} for indices at or beyond {@link #size()}, and {@link
 * dev.tlog.server.errors.StateMismatchException} when storage lacks what its size promises. Not
 * thread-safe: use a reader from one thread at a time, and close it.
 */
public interface LogReader extends HashReader, AutoCloseable {
  /** Number of entries in this snapshot. */
  long size();

  /** The bytes of entry {@code index}, in [0, size). */
  byte[] entry(long index);

  /** Entries [start, end), which must lie within [0, size]. */
  List<byte[]> entries(long start, long end);

  /**
   * The C2SP body of entry bundle {@code index} holding its first {@code width} entries; the bundle
   * must hold at least that many in this snapshot.
   */
  byte[] entryBundle(long index, int width);

  /** The C2SP body of hash tile {@code (level, index)}: the first {@code width} base hashes. */
  byte[] hashTile(int level, long index, int width);

  /** Tile {@code (level, index)} in {@link TileStratum} form at its width in this snapshot. */
  byte[] tileStratum(int level, long index);

  /**
   * The payload record stored beside ledger entry {@code index}, in [0, size); empty for clock
   * marks, opaque entries and erased payloads.
   */
  Optional<byte[]> payloadRecord(long index);

  /** The linear chain hash C[index], in [0, size). */
  Hash chainHash(long index);

  /** Chain hashes C[start..end), within [0, size]. */
  List<Hash> chainHashes(long start, long end);

  /** The leaf hash of entry {@code index}, in [0, size), as stored in its level-0 tile. */
  Hash leafHash(long index);

  /** The checkpoint signed for {@link #size()}; empty only for a log that was never written. */
  Optional<StoredCheckpoint> latestCheckpoint();

  /** The latest checkpoint published with witness cosignatures, if any. */
  Optional<StoredCheckpoint> cosignedCheckpoint();

  @Override
  void close();
}
