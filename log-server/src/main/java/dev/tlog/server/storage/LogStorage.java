package dev.tlog.server.storage;

/**
 * Durable storage shaped by what the log needs: entry bundles with their chain hashes, hash tiles
 * (in {@link TileStratum} form), payload records of ledger events, the checkpoint signed for the
 * stored size, and the latest checkpoint published with witness cosignatures.
 *
 * <p>Threading: exactly one thread (the log's writer) may call {@link #append}; {@link
 * #putCosignedCheckpoint} may be called from any thread (writes are serialized). Any number of
 * threads may hold {@link #reader() readers} at once, and readers never block the writer. Every
 * write is all-or-nothing and durable (fsync) when the method returns.
 */
public interface LogStorage extends AutoCloseable {

  /** A consistent read-only snapshot of the log. Close it promptly. */
  LogReader reader();

  /**
   * Writes one batch and its signed checkpoint in one durable transaction. {@code
   * batch.firstIndex()} must equal the stored size, else {@link
   * dev.tlog.server.errors.StorageException} and nothing changes.
   */
  void append(BatchWrite batch);

  /**
   * Durably records {@code signedNote} (a log-signed checkpoint of a stored size, with witness
   * cosignature lines) as the latest checkpoint published with cosignatures.
   */
  void putCosignedCheckpoint(long size, byte[] signedNote);

  /** The origin this storage was created for. */
  String origin();

  /** The mode this log was created in. */
  LogMode mode();

  /**
   * The size the log was closed at (spec/scaling.md, "Closing a log"), or empty while it is open.
   */
  java.util.OptionalLong closedAt();

  @Override
  void close();
}
