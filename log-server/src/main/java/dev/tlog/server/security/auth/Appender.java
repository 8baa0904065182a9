package dev.tlog.server.security.auth;

/**
 * Who an authenticated call is: the credential it presented and the actors it may append for.
 *
 * @param credential names the credential without revealing it: {@code token sha256:<first 16 hex of
 *     its hash>} or {@code cert <name>}
 * @param actors the actors this credential may append events for
 */
public record Appender(String credential, ActorPattern actors) {}
