/**
 * Admission: what is checked before an append is queued, so nothing that can never be appended
 * reaches the sequencer. Every log checks the size limits (entry bytes, entries per batch;
 * spec/api.md, Limits); a ledger log also parses and validates each event submission and turns it
 * into the entry it commits and the payload record it stores (spec/ledger.md).
 *
 * <p>A ledger event's actor must also pass the request's {@link
 * dev.tlog.server.admission.ActorCheck} (spec/security.md, "Appender authentication").
 *
 * <p>Threading: values are immutable and checks are pure; call from any thread (transport threads
 * do). Exceptions: {@link dev.tlog.server.errors.InvalidRequestException}, which transports answer
 * with a clear message ({@code INVALID_ARGUMENT} / HTTP 400), and from the actor check {@link
 * dev.tlog.server.errors.PermissionDeniedException} ({@code PERMISSION_DENIED} / HTTP 403).
 */
package dev.tlog.server.admission;
