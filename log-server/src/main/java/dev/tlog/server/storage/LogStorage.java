package dev.tlog.server.storage;

/**
 * Durable storage shaped by what the log needs: entries, their leaf hashes and chain hashes, the
 * complete-subtree hashes of the Merkle tree, and signed checkpoints.
 *
 * <p>Threading: exactly one thread (the log's writer) may call {@link #append} and {@link
 * #putCheckpoint}; {@link #putCosignedCheckpoint} may be called from any thread (writes are
 * serialized). Any number of threads may hold {@link #reader() readers} at once, and readers never
 * block the writer. Every write is all-or-nothing and durable (fsync) when the method returns.
 */
public interface LogStorage extends AutoCloseable {

  /** A consistent read-only snapshot of the log. Close it promptly. */
  LogReader reader();

  /**
   * Writes one batch in one durable transaction. {@code batch.firstIndex()} must equal the stored
   * size.
   */
  void append(BatchWrite batch);

  /** Durably stores the signed checkpoint for tree size {@code size} (which must be stored). */
  void putCheckpoint(long size, byte[] signedNote);

  /**
   * Durably records {@code signedNote} (a log-signed checkpoint of a stored size, with witness
   * cosignature lines) as the latest checkpoint published with cosignatures.
   */
  void putCosignedCheckpoint(long size, byte[] signedNote);

  /** The origin this storage was created for. */
  String origin();

  @Override
  void close();
}
