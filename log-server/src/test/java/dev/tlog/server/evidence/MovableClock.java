package dev.tlog.server.evidence;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** The server's clock in these tests: it says what the test last set, and never moves by itself. */
final class MovableClock implements InstantSource {
  private final AtomicReference<Instant> now;

  MovableClock(String start) {
    this.now = new AtomicReference<>(Instant.parse(start));
  }

  void set(String t) {
    now.set(Instant.parse(t));
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
