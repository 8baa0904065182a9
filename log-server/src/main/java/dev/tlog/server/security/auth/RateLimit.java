package dev.tlog.server.security.auth;

/**
 * {@code --rate-limit N/s}: each credential may make {@code perSecond} append requests per second,
 * with bursts of up to {@code perSecond} (spec/security.md, "Rate limits"). An AppendBatch request
 * or one AppendStream message counts as one request.
 */
public record RateLimit(int perSecond) {
  public RateLimit {
    if (perSecond < 1) {
      throw new IllegalArgumentException("rate limit must be >= 1/s, got " + perSecond + "/s");
    }
  }

  /** Parses {@code N/s}. */
  public static RateLimit parse(String s) {
    String t = s.strip();
    if (!t.endsWith("/s")) {
      throw new IllegalArgumentException("rate limit must look like 10/s, got \"" + s + "\"");
    }
    try {
      return new RateLimit(Integer.parseInt(t.substring(0, t.length() - 2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate limit must look like 10/s, got \"" + s + "\"", e);
    }
  }

  @Override
  public String toString() {
    return perSecond + "/s";
  }
}
