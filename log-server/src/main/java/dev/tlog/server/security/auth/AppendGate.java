package dev.tlog.server.security.auth;

import dev.tlog.server.admission.ActorCheck;
import dev.tlog.server.errors.PermissionDeniedException;
import dev.tlog.server.errors.UnauthenticatedException;
import java.util.Optional;

/**
 * Whether an append request may go ahead, and for which actors: without {@code --auth-file} anyone
 * may append for any actor; with it, only an authenticated appender, within its rate limit, for the
 * actors its credential is bound to.
 */
public final class AppendGate {
  private final boolean required;
  private final Optional<RateLimiter> limiter;

  private AppendGate(boolean required, Optional<RateLimiter> limiter) {
    this.required = required;
    this.limiter = limiter;
  }

  /** No credentials: every append is admitted for any actor. */
  public static AppendGate open() {
    return new AppendGate(false, Optional.empty());
  }

  /** Appends need a credential; {@code limiter}, if given, limits each one. */
  public static AppendGate authenticated(Optional<RateLimiter> limiter) {
    return new AppendGate(true, limiter);
  }

  /** Charges one request to {@code who} and returns the check its events' actors must pass. */
  public ActorCheck admit(Optional<Appender> who) {
    if (!required) {
      return ActorCheck.ANY;
    }
    Appender a =
        who.orElseThrow(
            () ->
                new UnauthenticatedException(
                    "appending needs a credential: a bearer token or a client certificate listed"
                        + " in the log's auth file"));
    limiter.ifPresent(l -> l.charge(a));
    return (which, actor) -> {
      if (!a.actors().matches(actor)) {
        throw new PermissionDeniedException(
            which
                + ": actor "
                + actor
                + " is not allowed for credential "
                + a.credential()
                + ", which may append for "
                + a.actors());
      }
    };
  }
}
