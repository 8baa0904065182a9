package dev.tlog.server.admission;

/**
 * Whether the appender of a request may append an event with a given actor (spec/security.md,
 * "Appender authentication"). Throws {@link dev.tlog.server.errors.PermissionDeniedException}
 * naming the event, its actor and the credential's identity when it may not.
 */
@FunctionalInterface
public interface ActorCheck {
  /** Every actor: no credentials are configured, or the log records collector evidence itself. */
  ActorCheck ANY = (which, actor) -> {};

  /** {@code which} names the event in the request ({@code event}, {@code event 3}). */
  void check(String which, String actor);
}
