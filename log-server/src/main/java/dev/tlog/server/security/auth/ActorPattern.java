package dev.tlog.server.security.auth;

/**
 * The actors a credential may append events for (spec/security.md, "Appender authentication"): an
 * exact actor ({@code user:alice}), a prefix ending in {@code *} ({@code service:ci-*}), or {@code
 * *} for any actor.
 */
public record ActorPattern(String pattern) {
  public ActorPattern {
    if (pattern == null || pattern.isEmpty() || pattern.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException(
          "actor pattern must be non-empty without spaces, got \"" + pattern + "\"");
    }
    if (pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1) {
      throw new IllegalArgumentException(
          "actor pattern may only end in *, got \"" + pattern + "\"");
    }
  }

  public boolean matches(String actor) {
    return pattern.endsWith("*")
        ? actor.startsWith(pattern.substring(0, pattern.length() - 1))
        : actor.equals(pattern);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
