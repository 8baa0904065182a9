/**
 * The ledger's derived Lucene index in {@code <data-dir>/index/} (spec/ledger.md, "The index"):
 * {@link dev.tlog.server.ledger.index.LedgerIndex} opens, rebuilds and searches it; {@link
 * dev.tlog.server.ledger.index.Indexer} feeds it from storage as signed checkpoints arrive; {@link
 * dev.tlog.server.ledger.index.Reindex} rebuilds it offline; {@link
 * dev.tlog.server.ledger.index.IndexLock} keeps a server and a reindex apart. Every commit records
 * the {@link dev.tlog.server.ledger.index.IndexState} it covers, so a restart continues from there.
 *
 * <p>Threading: only the indexer thread (or the reindex's caller) writes; searches run on any
 * thread through {@link dev.tlog.server.ledger.index.LedgerIndex#view()}. Exceptions: Lucene and
 * storage failures surface as {@link dev.tlog.server.errors.StorageException}; the indexer logs and
 * retries them rather than throwing; a locked data directory is {@link
 * dev.tlog.server.errors.DataDirInUseException}.
 */
package dev.tlog.server.ledger.index;
