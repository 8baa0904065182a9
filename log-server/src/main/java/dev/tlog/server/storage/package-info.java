/**
 * The storage interface the log is written against. Backends live in sub-packages ({@code
 * storage.lmdb} is the only package that imports lmdbjava). One writer thread, many concurrent
 * readers; writes are all-or-nothing and durable on return; failures surface as {@link
 * dev.tlog.server.errors.StorageException}.
 */
package dev.tlog.server.storage;
