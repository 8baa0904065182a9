/**
 * Read operations shared by every transport: entries, inclusion and consistency proofs and hash
 * tiles, each bounded by the latest signed checkpoint so that everything served verifies against a
 * signed root.
 *
 * <p>Threading: thread-safe; each call opens its own read transaction and may run on any worker
 * thread, never on an event loop. Exceptions: {@link dev.tlog.server.errors.OutOfRangeException}
 * (may become valid as the log grows), {@link dev.tlog.server.errors.InvalidRequestException}
 * (never valid), {@link dev.tlog.server.errors.NotFoundException}; storage failures propagate as
 * {@link dev.tlog.server.errors.StorageException} and transports hide their detail from callers.
 */
package dev.tlog.server.read;
