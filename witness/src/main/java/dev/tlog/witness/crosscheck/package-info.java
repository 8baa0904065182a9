/**
 * Cross-checking with peer witnesses (spec/witness.md, "Cross-checking"): fetch each peer's latest
 * cosigned checkpoint of every shared log, verify the log signature and the peer's cosignature, and
 * compare with this witness's view, using the log's tiles for a proof when sizes differ.
 *
 * <p>Threading: {@link dev.tlog.witness.crosscheck.CrossChecker#runOnce} blocks on HTTP and LMDB
 * and runs on a worker thread. Exceptions: network and verification failures become {@link
 * dev.tlog.witness.crosscheck.CrossCheckResult} outcomes, never exceptions; storage failures
 * ({@link dev.tlog.witness.errors.StateException}) propagate.
 */
package dev.tlog.witness.crosscheck;
