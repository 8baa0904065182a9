/**
 * The LMDB backend of {@link dev.tlog.server.storage.LogStorage}; the only package that imports
 * lmdbjava. Layout and durability are specified in spec/storage.md: every commit is fsynced before
 * it returns, and a full map is doubled and the batch retried.
 *
 * <p>Threading: one writer thread (the sequencer's writer) calls {@code append}; readers may run
 * concurrently from any thread and must close their read transactions. Exceptions: every LMDB or
 * I/O failure becomes {@link dev.tlog.server.errors.StorageException} (the write did not take
 * effect); a database whose recorded format, origin or size disagrees raises {@link
 * dev.tlog.server.errors.StateMismatchException}.
 *
 * <p>{@link dev.tlog.server.storage.lmdb.LmdbBackup} copies a log another process may be writing
 * (read-only, through LMDB's lock file); {@link
 * dev.tlog.server.storage.lmdb.LmdbLogStorage#openReadOnly} opens such a copy without writing to
 * it.
 */
package dev.tlog.server.storage.lmdb;
