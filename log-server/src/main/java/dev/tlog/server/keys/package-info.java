/**
 * The log's Ed25519 signing key file: loaded at startup, or generated on first run with owner-only
 * permissions (note private-key format; key name = origin).
 *
 * <p>Threading: called once from startup, before any listener runs. Exceptions: {@link
 * dev.tlog.server.errors.StorageException} for an unreadable, malformed or foreign key file; the
 * key bytes never appear in a message.
 */
package dev.tlog.server.keys;
