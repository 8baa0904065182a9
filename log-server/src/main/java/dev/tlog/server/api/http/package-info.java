/**
 * The C2SP tlog-tiles HTTP API (checkpoint, hash tiles, entry bundles, vkey) on Vert.x.
 *
 * <p>Threading: routes never block the event loop; storage reads run through {@code
 * executeBlocking}. Exceptions: translated to HTTP statuses only in {@code HttpErrors}, with the
 * same policy as gRPC: bad input keeps its message (400/404), pushback is 503 with {@code
 * Retry-After}, storage and internal failures are logged server-side and answered {@code 500
 * internal error}.
 */
package dev.tlog.server.api.http;
