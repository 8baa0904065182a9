/**
 * The witness's HTTP API on Vert.x (normative text: spec/witness.md): {@code POST /add-checkpoint},
 * {@code GET /vkey}, {@code GET /checkpoint/<percent-encoded origin>}, {@code GET /forks}, {@code
 * GET /forks/<id>}.
 *
 * <p>Threading: event loops only route and write responses; parsing, verification and reads run on
 * Vert.x worker threads, state transitions on the one-thread writer executor. Exceptions: every
 * failure reaches {@code HttpErrors}, the only class that chooses a status code.
 *
 * <p>Connections: {@code dev.tlog.runtime.http.HttpLimits} bounds them in total and per client IP,
 * and times out idle connections and slow request headers; {@code ConnectionGuard} (same package,
 * shared with the log server) enforces the counts and the header timeout, Vert.x the rest. HTTP/1.1
 * only (no h2c), so every connection is seen when it opens.
 */
package dev.tlog.witness.http;
