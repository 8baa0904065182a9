/**
 * The C2SP tlog-tiles HTTP API (checkpoint, hash tiles, entry bundles, vkey) on Vert.x.
 *
 * <p>Threading: routes never block the event loop; storage reads run through {@code
 * executeBlocking}. Exceptions: translated to HTTP statuses only in {@code HttpErrors}, with the
 * same policy as gRPC: bad input keeps its message (400/404), pushback is 503 with {@code
 * Retry-After}, storage and internal failures are logged server-side and answered {@code 500
 * internal error}.
 *
 * <p>Connections: {@code dev.tlog.runtime.http.HttpLimits} bounds them in total and per client IP,
 * and times out idle connections and slow request headers; {@code ConnectionGuard} (same package,
 * shared with the witness) enforces the counts and the header timeout, Vert.x the rest. HTTP/1.1
 * only (no h2c), so every connection is seen when it opens.
 */
package dev.tlog.server.api.http;
