package dev.tlog.mirror.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * {@code tlog_mirror_tree_size}, {@code tlog_mirror_forked}, and the counters {@code
 * tlog_mirror_upstream_behind_total}, {@code tlog_mirror_verify_failures_total} and {@code
 * tlog_mirror_upstream_errors_total}.
 */
public final class MirrorMetrics {
  private final Counter behind;
  private final Counter verifyFailures;
  private final Counter upstreamErrors;

  /** Registers the meters; the gauges read {@code servedSize} and {@code forked} when scraped. */
  public MirrorMetrics(MeterRegistry registry, LongSupplier servedSize, BooleanSupplier forked) {
    Gauge.builder("tlog.mirror.tree.size", () -> servedSize.getAsLong())
        .description("Tree size of the checkpoint the mirror serves")
        .register(registry);
    Gauge.builder("tlog.mirror.forked", () -> forked.getAsBoolean() ? 1 : 0)
        .description("1 once the mirror holds proof that the upstream log forked, else 0")
        .register(registry);
    behind =
        Counter.builder("tlog.mirror.upstream.behind")
            .description("Polls where the upstream served an older, consistent checkpoint")
            .register(registry);
    verifyFailures =
        Counter.builder("tlog.mirror.verify.failures")
            .description("Polls where an upstream checkpoint or object failed to verify")
            .register(registry);
    upstreamErrors =
        Counter.builder("tlog.mirror.upstream.errors")
            .description("Polls that could not read the upstream (unreachable, HTTP error)")
            .register(registry);
  }

  public void upstreamBehind() {
    behind.increment();
  }

  public void verifyFailed() {
    verifyFailures.increment();
  }

  public void upstreamError() {
    upstreamErrors.increment();
  }
}
