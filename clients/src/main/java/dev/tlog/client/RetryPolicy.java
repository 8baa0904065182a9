package dev.tlog.client;

import java.time.Duration;

/**
 * Bounded exponential backoff for retryable failures ({@code UNAVAILABLE}, {@code
 * RESOURCE_EXHAUSTED}). Retrying an append is safe: the log deduplicates by leaf hash.
 *
 * @param maxAttempts total attempts, at least 1
 * @param initialBackoff delay before the second attempt; doubled each time
 * @param maxBackoff cap on one delay (a server's {@code tlog-retry-after-ms} hint is also capped)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("want 0 <= initialBackoff <= maxBackoff");
    }
  }

  /** 5 attempts, 100 ms doubling up to 2 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2));
  }

  /** One attempt, no retry. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /** The delay after failed attempt {@code attempt} (1-based), honouring a server hint. */
  public Duration delay(int attempt, Duration hint) {
    long ms = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    ms = Math.max(ms, hint == null ? 0 : hint.toMillis());
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }
}
