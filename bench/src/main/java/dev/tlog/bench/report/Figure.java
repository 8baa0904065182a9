package dev.tlog.bench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One measured quantity. Only {@code name}, {@code unit} and {@code value} are always present; the
 * other fields are null when they do not apply and are then left out of the JSON line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(
    String name,
    String unit,
    double value,
    @JsonProperty("p50_ms") Double p50Ms,
    @JsonProperty("p99_ms") Double p99Ms,
    @JsonProperty("p999_ms") Double p999Ms,
    @JsonProperty("bytes_per_entry") Double bytesPerEntry,
    @JsonProperty("rss_bytes") Long rssBytes,
    @JsonProperty("raw_limit") Double rawLimit,
    @JsonProperty("ratio_to_raw") Double ratioToRaw,
    Map<String, Long> counts,
    Machine machine) {

  /** A figure with a name, unit and value only. */
  public static Figure of(String name, String unit, double value) {
    return new Figure(name, unit, value, null, null, null, null, null, null, null, null, null);
  }

  /** This figure with latency percentiles, in milliseconds. */
  public Figure withLatency(Latency latency) {
    return new Figure(
        name,
        unit,
        value,
        latency.p50Ms(),
        latency.p99Ms(),
        latency.p999Ms(),
        bytesPerEntry,
        rssBytes,
        rawLimit,
        ratioToRaw,
        counts,
        machine);
  }

  /** This figure compared with {@code limit}: sets {@code raw_limit} and {@code ratio_to_raw}. */
  public Figure comparedTo(double limit) {
    Double ratio = limit > 0 ? value / limit : null;
    return new Figure(
        name,
        unit,
        value,
        p50Ms,
        p99Ms,
        p999Ms,
        bytesPerEntry,
        rssBytes,
        limit,
        ratio,
        counts,
        machine);
  }

  /** This figure with {@code bytes_per_entry}. */
  public Figure withBytesPerEntry(double bytes) {
    return new Figure(
        name,
        unit,
        value,
        p50Ms,
        p99Ms,
        p999Ms,
        bytes,
        rssBytes,
        rawLimit,
        ratioToRaw,
        counts,
        machine);
  }

  /** This figure with {@code rss_bytes}. */
  public Figure withRss(long rss) {
    return new Figure(
        name,
        unit,
        value,
        p50Ms,
        p99Ms,
        p999Ms,
        bytesPerEntry,
        rss,
        rawLimit,
        ratioToRaw,
        counts,
        machine);
  }

  /** This figure with named counts (rejections, errors, acked entries...). */
  public Figure withCounts(Map<String, Long> newCounts) {
    return new Figure(
        name,
        unit,
        value,
        p50Ms,
        p99Ms,
        p999Ms,
        bytesPerEntry,
        rssBytes,
        rawLimit,
        ratioToRaw,
        Map.copyOf(newCounts),
        machine);
  }

  /** This figure with the description of the machine it was measured on. */
  public Figure on(Machine m) {
    return new Figure(
        name,
        unit,
        value,
        p50Ms,
        p99Ms,
        p999Ms,
        bytesPerEntry,
        rssBytes,
        rawLimit,
        ratioToRaw,
        counts,
        m);
  }
}
