package dev.tlog.bench.report;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, taken from a histogram recorded in microseconds. */
public record Latency(double p50Ms, double p99Ms, double p999Ms, long count) {
  /** Percentiles of {@code micros}, a histogram of latencies in microseconds. */
  public static Latency fromMicros(Histogram micros) {
    return new Latency(
        ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(99)),
        ms(micros.getValueAtPercentile(99.9)),
        micros.getTotalCount());
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
