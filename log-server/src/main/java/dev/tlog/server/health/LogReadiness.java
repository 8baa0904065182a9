package dev.tlog.server.health;

import dev.tlog.runtime.health.Readiness;
import dev.tlog.runtime.health.Readiness.Check;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.sequencer.Sequencer;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log server's {@code /readyz} checks (spec/api.md, "Health"): LMDB open, the signing key
 * loaded, the sequencer's writer running, the queue not full, no stall (entries queued but nothing
 * signed for {@code stallAfter}) and, with witnesses, the published checkpoint not lagging the
 * signed one for longer than {@code witnessLagAfter}.
 *
 * <p>Threading: the checks read volatile state only; they run on an event loop per probe.
 */
public final class LogReadiness {
  private final LmdbLogStorage storage;
  private final Optional<String> verifierKey;
  private final Sequencer sequencer;
  private final int queueCapacity;
  private final CheckpointFeed signed;
  private final CheckpointFeed published;
  private final boolean witnessed;
  private final Duration stallAfter;
  private final Duration witnessLagAfter;
  private volatile long lastSignedNanos = System.nanoTime();
  private volatile long lastPublishedNanos = System.nanoTime();

  public LogReadiness(
      LmdbLogStorage storage,
      Optional<String> verifierKey,
      Sequencer sequencer,
      int queueCapacity,
      CheckpointFeed signed,
      CheckpointFeed published,
      boolean witnessed,
      Duration stallAfter,
      Duration witnessLagAfter) {
    this.storage = storage;
    this.verifierKey = verifierKey;
    this.sequencer = sequencer;
    this.queueCapacity = queueCapacity;
    this.signed = signed;
    this.published = published;
    this.witnessed = witnessed;
    this.stallAfter = stallAfter;
    this.witnessLagAfter = witnessLagAfter;
    signed.subscribe(cp -> lastSignedNanos = System.nanoTime());
    if (witnessed) {
      published.subscribe(cp -> lastPublishedNanos = System.nanoTime());
    }
  }

  /** The checks, in the order {@code /readyz} reports them. */
  public Readiness readiness() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            "storage",
            () -> storage.isOpen() ? Optional.empty() : Optional.of("LMDB environment is closed")));
    checks.add(
        new Check(
            "key",
            () ->
                verifierKey.isPresent() ? Optional.empty() : Optional.of("no signing key loaded")));
    checks.add(new Check("writer", this::writer));
    checks.add(new Check("queue", this::queue));
    checks.add(new Check("stall", this::stall));
    if (witnessed) {
      checks.add(new Check("witnesses", this::witnessLag));
    }
    return new Readiness(checks);
  }

  private Optional<String> writer() {
    Optional<String> failure = sequencer.failure();
    if (failure.isPresent()) {
      return Optional.of("stopped appending after an unrecoverable failure: " + failure.get());
    }
    return sequencer.stopped() ? Optional.of("shutting down") : Optional.empty();
  }

  private Optional<String> queue() {
    int queued = sequencer.queuedEntries();
    return queued >= queueCapacity
        ? Optional.of("sequencer queue is full (" + queued + " of " + queueCapacity + " entries)")
        : Optional.empty();
  }

  private Optional<String> stall() {
    int queued = sequencer.queuedEntries();
    Duration since = Duration.ofNanos(System.nanoTime() - lastSignedNanos);
    if (queued > 0 && since.compareTo(stallAfter) > 0) {
      return Optional.of(
          queued
              + " entries queued and no checkpoint signed for "
              + since.toMillis()
              + " ms (limit "
              + stallAfter.toMillis()
              + " ms)");
    }
    return Optional.empty();
  }

  private Optional<String> witnessLag() {
    long s = signed.latest().map(SignedCheckpoint::size).orElse(0L);
    long p = published.latest().map(SignedCheckpoint::size).orElse(0L);
    Duration since = Duration.ofNanos(System.nanoTime() - lastPublishedNanos);
    if (s > p && since.compareTo(witnessLagAfter) > 0) {
      return Optional.of(
          "published checkpoint (size "
              + p
              + ") lags the signed one (size "
              + s
              + ") and none was published for "
              + since.toMillis()
              + " ms (limit "
              + witnessLagAfter.toMillis()
              + " ms)");
    }
    return Optional.empty();
  }
}
