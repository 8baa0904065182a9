package dev.tlog.server.security.auth;

import dev.tlog.server.errors.OverloadedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per credential. A credential over its limit gets {@link
 * OverloadedException}, which transports answer as they answer a full queue: {@code
 * RESOURCE_EXHAUSTED} with {@code tlog-retry-after-ms} (spec/api.md, "Limits"). Buckets live as
 * long as the server; there is one per credential in the auth file, so they are bounded by it.
 */
public final class RateLimiter {
  private final RateLimit limit;
  private final LongSupplier nanos;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimit limit, LongSupplier nanos) {
    this.limit = limit;
    this.nanos = nanos;
  }

  /** Charges one request to {@code appender}'s credential. */
  public void charge(Appender appender) {
    Duration wait =
        buckets
            .computeIfAbsent(appender.credential(), k -> new TokenBucket(limit.perSecond(), nanos))
            .take();
    if (!wait.isZero()) {
      throw new OverloadedException(
          "rate limit: credential "
              + appender.credential()
              + " may make "
              + limit
              + " append requests; retry in "
              + Math.max(1, wait.toMillis())
              + " ms",
          wait.toMillis() < 1 ? Duration.ofMillis(1) : wait);
    }
  }
}
