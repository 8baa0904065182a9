/**
 * Listener security (spec/security.md): {@link dev.tlog.server.security.SecuritySettings} gathers
 * what {@code tls} (certificates, the plaintext policy) and {@code auth} (appender credentials,
 * per-credential rate limits) need. Values are immutable.
 */
package dev.tlog.server.security;
