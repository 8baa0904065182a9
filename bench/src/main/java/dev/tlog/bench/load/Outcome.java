package dev.tlog.bench.load;

import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.Latency;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a scenario achieved: completed units (entries or reads) in {@code elapsedNanos}, a latency
 * histogram in microseconds, and named counts (rejections, errors).
 */
public record Outcome(
    long units, long elapsedNanos, Histogram latencyMicros, Map<String, Long> counts) {
  public Outcome {
    counts = Map.copyOf(counts);
  }

  public double perSecond() {
    return elapsedNanos == 0 ? 0 : units * 1e9 / elapsedNanos;
  }

  public long count(String key) {
    return counts.getOrDefault(key, 0L);
  }

  /** A figure {@code name} in {@code unit}/s with this outcome's latency and counts. */
  public Figure toFigure(String name, String unit) {
    Map<String, Long> c = new TreeMap<>(counts);
    c.put("ok", units);
    Figure f = Figure.of(name, unit, perSecond()).withCounts(c);
    return latencyMicros.getTotalCount() == 0
        ? f
        : f.withLatency(Latency.fromMicros(latencyMicros));
  }
}
