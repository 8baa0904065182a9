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
 *   <li>{@link dev.tlog.client.LogSource}: untrusted access to a log (gRPC or tiles, package {@code
 *       dev.tlog.client.transport}).
 *   <li>{@link dev.tlog.client.VerifyingReader}: checkpoint, inclusion, consistency, entries.
 *   <li>{@link dev.tlog.client.LogAppender}: append, appendBatch and a back-pressured {@link
 *       dev.tlog.client.StreamingAppender}, each returning verified {@link
 *       dev.tlog.client.AppendReceipt}s, with bounded retries.
 *   <li>{@link dev.tlog.client.CheckpointTracker}: the last verified checkpoint, optionally kept in
 *       a state file, so a rollback or fork between runs is noticed.
 * </ul>
 *
 * <p>Exceptions: every failure is an unchecked {@link dev.tlog.client.TlogClientException}: {@link
 * dev.tlog.client.VerificationException} (something did not verify), {@link
 * dev.tlog.client.LogConsistencyException} (rollback or fork), {@link
 * dev.tlog.client.LogUnavailableException} (transport, after retries), {@link
 * dev.tlog.client.LogRequestException} (the log rejected a request), {@link
 * dev.tlog.client.state.StateFileException} (local state). The CLI maps them to exit codes in one
 * place ({@code dev.tlog.client.cli.ExitCodes}).
 *
 * <p>Threading: value types are immutable; {@code LogAppender}, {@code VerifyingReader} and {@code
 * CheckpointTracker} are thread-safe; a {@code StreamingAppender} may be fed from one thread at a
 * time.
 */
package dev.tlog.client;
