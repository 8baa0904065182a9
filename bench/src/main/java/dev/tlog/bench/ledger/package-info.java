/**
 * Ledger query cost ({@code tlog-bench.jar ledger}): a synthetic ledger log filled in process, its
 * index built as {@code tlog-server reindex} builds it, and the latency of the server's query path
 * for a selective combined filter and a full-text query, each beside the bare Lucene search and a
 * full read of the log (spec/performance.md, "Ledger queries").
 *
 * <p>Single-threaded; everything runs on the caller's thread. Failures (storage, a server answer
 * that differs from Lucene's) propagate as unchecked exceptions and fail the command.
 */
package dev.tlog.bench.ledger;
