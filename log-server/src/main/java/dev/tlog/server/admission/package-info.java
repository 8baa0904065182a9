/**
 * Admission: what is checked before an append is queued, so nothing that can never be appended
 * reaches the sequencer. Every log checks the size limits (entry bytes, entries per batch;
 * spec/api.md, Limits); a ledger log also parses and validates each event submission and turns it
 * into the entry it commits and the payload record it stores (spec/ledger.md).
 *
 * <p>Threading: values are immutable and checks are pure; call from any thread (transport threads
 * do). Exceptions: only {@link dev.tlog.server.errors.InvalidRequestException}, which transports
 * answer with a clear message ({@code INVALID_ARGUMENT} / HTTP 400).
 */
package dev.tlog.server.admission;
