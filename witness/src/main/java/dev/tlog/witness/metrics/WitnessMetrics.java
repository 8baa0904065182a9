package dev.tlog.witness.metrics;

import dev.tlog.witness.errors.ConflictingCheckpointException;
import dev.tlog.witness.errors.InconsistentCheckpointException;
import dev.tlog.witness.errors.MalformedRequestException;
import dev.tlog.witness.errors.OldSizeMismatchException;
import dev.tlog.witness.errors.UnknownOriginException;
import dev.tlog.witness.errors.UnsupportedMediaTypeException;
import dev.tlog.witness.errors.UntrustedCheckpointException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The witness's meters (spec/witness.md, "Metrics"): add-checkpoint requests by result and forks
 * detected, on the registry the wiring passes in.
 *
 * <p>Threading: every method may be called from any thread.
 */
public final class WitnessMetrics {
  private final MeterRegistry registry;

  public WitnessMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** An add-checkpoint request was answered with a cosignature. */
  public void cosigned() {
    request("cosigned");
  }

  /** An add-checkpoint request failed with {@code error}; counted by what it means. */
  public void refused(Throwable error) {
    request(result(error));
  }

  /** The result tag of a failed add-checkpoint (spec/witness.md, "Metrics"). */
  static String result(Throwable t) {
    if (t instanceof ConflictingCheckpointException) {
      return "conflict";
    } else if (t instanceof OldSizeMismatchException) {
      return "old-size-mismatch";
    } else if (t instanceof MalformedRequestException
        || t instanceof UnsupportedMediaTypeException) {
      return "bad-request";
    } else if (t instanceof UntrustedCheckpointException) {
      return "untrusted";
    } else if (t instanceof UnknownOriginException) {
      return "unknown-log";
    } else if (t instanceof InconsistentCheckpointException) {
      return "inconsistent";
    }
    return "error";
  }

  private void request(String result) {
    Counter.builder("tlog.witness.requests")
        .description("add-checkpoint requests by result")
        .tag("result", result)
        .register(registry)
        .increment();
  }

  /** Fork evidence was recorded; {@code via} is add-checkpoint or a cross-check's description. */
  public void forkDetected(String via) {
    Counter.builder("tlog.witness.forks.detected")
        .description("Forks detected and recorded as evidence, by how they were found")
        .tag("via", via.startsWith("cross-check") ? "cross-check" : "add-checkpoint")
        .register(registry)
        .increment();
  }
}
