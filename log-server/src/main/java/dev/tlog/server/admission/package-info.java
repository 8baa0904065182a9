/**
 * Admission: the size limits (entry bytes, entries per batch) checked before an append is queued,
 * so nothing that can never be appended reaches the sequencer (spec/api.md, Limits).
 *
 * <p>Threading: values are immutable and checks are pure; call from any thread. Exceptions: only
 * {@link dev.tlog.server.errors.InvalidRequestException}, which transports answer with a clear
 * message ({@code INVALID_ARGUMENT} / HTTP 400).
 */
package dev.tlog.server.admission;
