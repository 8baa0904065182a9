package dev.tlog.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * What the log server reports about itself (spec/api.md, "Metrics" and "Health"): the registry its
 * meters are kept in and served from at {@code /metrics}, and the readiness thresholds.
 *
 * @param registry one per server; created by the wiring, never global
 * @param stallAfter {@code /readyz} fails when entries are queued and nothing was signed this long
 * @param witnessLagAfter with witnesses, {@code /readyz} fails when the published checkpoint lags
 *     the signed one and nothing was published this long
 */
public record ServerOps(
    PrometheusMeterRegistry registry, Duration stallAfter, Duration witnessLagAfter) {

  /** A fresh registry and the documented thresholds: 30 s of stall, 10 min of witness lag. */
  public static ServerOps defaults() {
    return new ServerOps(
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10));
  }

  /** These settings with other thresholds (tests). */
  public ServerOps withThresholds(Duration stallAfter, Duration witnessLagAfter) {
    return new ServerOps(registry, stallAfter, witnessLagAfter);
  }
}
