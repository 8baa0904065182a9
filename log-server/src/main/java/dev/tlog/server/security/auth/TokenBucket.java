package dev.tlog.server.security.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket of {@code capacity} tokens refilled at {@code perSecond}, read against a monotonic
 * nanosecond clock. Thread-safe.
 */
final class TokenBucket {
  private final double capacity;
  private final double perNano;
  private final LongSupplier nanos;
  private double tokens;
  private long last;

  TokenBucket(int perSecond, LongSupplier nanos) {
    this.capacity = perSecond;
    this.perNano = perSecond / 1e9;
    this.nanos = nanos;
    this.tokens = capacity;
    this.last = nanos.getAsLong();
  }

  /** Takes one token, or returns how long until one is available (and takes nothing). */
  synchronized Duration take() {
    long now = nanos.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
  }
}
