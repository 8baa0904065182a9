package dev.tlog.server.errors;

import java.time.Duration;

/** The sequencer queue is full; the client should retry after {@link #retryAfter()}. */
public final class OverloadedException extends LogException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  public OverloadedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
