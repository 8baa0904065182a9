/**
 * The ledger's derived Lucene index in {@code <data-dir>/index/} (spec/ledger.md, "The index"):
 * {@link dev.tlog.server.ledger.index.LedgerIndex} opens, rebuilds and searches it; {@link
 * dev.tlog.server.ledger.index.Indexer} feeds it from storage as signed checkpoints arrive; {@link
 * dev.tlog.server.ledger.index.Reindex} rebuilds it offline (its caller holds the data directory's
 * {@link dev.tlog.server.storage.DataDirLock}, as a running server does). Every commit records the
 * {@link dev.tlog.server.ledger.index.IndexState} it covers, so a restart continues from there.
 *
 * <p>Threading: only the indexer thread (or the reindex's caller) writes; searches run on any
 * thread through {@link dev.tlog.server.ledger.index.LedgerIndex#view()}. Exceptions: Lucene and
 * storage failures surface as {@link dev.tlog.server.errors.StorageException}; the indexer logs and
 * retries them rather than throwing.
 */
package dev.tlog.server.ledger.index;
