/**
 * The witness's HTTP API on Vert.x (normative text: spec/witness.md): {@code POST /add-checkpoint},
 * {@code GET /vkey}, {@code GET /checkpoint/<percent-encoded origin>}, {@code GET /forks}, {@code
 * GET /forks/<id>}.
 *
 * <p>Threading: event loops only route and write responses; parsing, verification and reads run on
 * Vert.x worker threads, state transitions on the one-thread writer executor. Exceptions: every
 * failure reaches {@code HttpErrors}, the only class that chooses a status code.
 */
package dev.tlog.witness.http;
