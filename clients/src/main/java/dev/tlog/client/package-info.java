/**
 * The tlog client library: a verifying appender and a verifying reader over gRPC or the HTTP tiles
 * API. Nothing the log returns is reported to the caller before it has been checked with the merkle
 * library against a checkpoint signed by the configured log key.
 *
 * <ul>
 *   <li>{@link dev.tlog.client.LogIdentity}: what the client trusts (origin, log key, witness
 *       keys).
 *   <li>{@link dev.tlog.client.CheckpointVerifier}: opens signed checkpoints into {@link
 *       dev.tlog.client.VerifiedCheckpoint}s.
 *   <li>{@link dev.tlog.client.LogSource} and {@link dev.tlog.client.LogWriter}: untrusted read and
 *       append access to a log, implemented over gRPC or tiles in package {@code
 *       dev.tlog.client.transport}, which depends on this package and never the reverse.
 *   <li>{@link dev.tlog.client.VerifyingReader}: checkpoint, inclusion, consistency, entries.
 *   <li>{@link dev.tlog.client.LogAppender}: append, appendBatch and a back-pressured {@link
 *       dev.tlog.client.StreamingAppender}, each returning verified {@link
 *       dev.tlog.client.AppendReceipt}s, with bounded retries.
 *   <li>{@link dev.tlog.client.CheckpointTracker}: the last verified checkpoint, optionally kept in
 *       a state file, so a rollback or fork between runs is noticed.
 *   <li>Ledger logs (audit events, spec/ledger.md): recording and investigating in package {@code
 *       dev.tlog.client.ledger}. A ledger log commits an event's entry, not the submission sent, so
 *       the appenders take the leaf hash the log must commit as a parameter ({@link
 *       dev.tlog.client.LogAppender#append(byte[], dev.tlog.merkle.hash.Hash)}).
 * </ul>
 *
 * <p>Verifying many entries at once. The receipts of an {@code AppendBatch}, the {@code
 * AppendStream} acknowledgements that share a checkpoint, and a range read by {@link
 * dev.tlog.client.VerifyingReader#entries} are checked together, with two proofs per run of
 * consecutive indexes {@code [b, e)} in a checkpoint of size {@code n} and root {@code R}, not one
 * per entry ({@link dev.tlog.merkle.proof.Proofs#checkRange}):
 *
 * <ol>
 *   <li>the leaf hashes are computed from the bytes we sent (for a ledger, from the entry the log
 *       must commit for them) or read, never taken from the log;
 *   <li>the inclusion proof of {@code b} in {@code n} is checked against {@code R}; its left
 *       siblings are the compact range of {@code [0, b)};
 *   <li>that compact range extended with our leaves gives the root of the tree of size {@code e};
 *   <li>the consistency proof from {@code e} to {@code n} must lead from that root to {@code R}
 *       (when {@code e == n} the two roots must be equal and no proof is fetched).
 * </ol>
 *
 * <p>A wrong leaf or a wrong index anywhere in the run changes the size-{@code e} root, so step 4
 * fails. Chain hashes of receipts are checked link by link within a run ({@code C[i] = H(C[i-1] ||
 * L[i])}), from {@code C[-1]} when the run starts at 0, and against the checkpoint's {@code
 * tlog-chain} head when the run ends the tree; the last chain hash of a run that ends earlier is
 * reported as the log sent it. Duplicates (existing indexes) form runs of their own. Example: a
 * batch of 40 new entries at {@code [300, 340)} acknowledged with a checkpoint of size 340 costs
 * one {@code GetInclusionProof(300, 340)} and no consistency proof.
 *
 * <p>Exceptions: every failure is an unchecked {@link dev.tlog.client.TlogClientException}: {@link
 * dev.tlog.client.VerificationException} (something did not verify), {@link
 * dev.tlog.client.LogConsistencyException} (rollback or fork), {@link
 * dev.tlog.client.LogUnavailableException} (transport, after retries), {@link
 * dev.tlog.client.LogRequestException} (the log rejected a request), {@link
 * dev.tlog.client.state.StateFileException} (local state), {@link
 * dev.tlog.client.ledger.IncompleteAnswerException} (a ledger answer that left out matching
 * events). The CLI maps them to exit codes in one place ({@code dev.tlog.client.cli.ExitCodes}).
 *
 * <p>Threading: value types are immutable; {@code LogAppender}, {@code VerifyingReader} and {@code
 * CheckpointTracker} are thread-safe; a {@code StreamingAppender} may be fed from one thread at a
 * time.
 */
package dev.tlog.client;
