/**
 * Appender authentication and per-credential rate limits (spec/security.md, "Appender
 * authentication"). {@link dev.tlog.server.security.auth.CredentialsFile} holds the auth file and
 * re-reads it when it changes; {@link dev.tlog.server.security.auth.Authenticator} turns a bearer
 * token or a TLS client certificate into an {@link dev.tlog.server.security.auth.Appender}; {@link
 * dev.tlog.server.security.auth.AppendGate} decides whether that appender may append now and for
 * which actors; {@link dev.tlog.server.security.auth.RateLimiter} keeps one token bucket per
 * credential.
 *
 * <p>Threading: every class is thread-safe; transports call from their own threads. Exceptions:
 * {@link dev.tlog.server.errors.UnauthenticatedException}, {@link
 * dev.tlog.server.errors.PermissionDeniedException}, {@link
 * dev.tlog.server.errors.OverloadedException} (rate limit) and {@link
 * dev.tlog.server.errors.UnavailableException} (auth file broken), mapped by the transports.
 */
package dev.tlog.server.security.auth;
