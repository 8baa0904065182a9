package dev.tlog.server.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * One scrape of {@code /metrics} in the Prometheus text format: sample name with its labels, as
 * printed (e.g. {@code tlog_proofs_served_total{kind="inclusion"}}), to value.
 */
public record Scrape(Map<String, Double> samples) {

  public static Scrape parse(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return new Scrape(out);
  }

  /** The sample's value; 0 when the series does not exist (yet). */
  public double value(String sample) {
    return samples.getOrDefault(sample, 0.0);
  }

  /** The sample's value; fails when the series does not exist. */
  public double require(String sample) {
    Double v = samples.get(sample);
    if (v == null) {
      throw new AssertionError("no sample " + sample + " in " + samples.keySet());
    }
    return v;
  }
}
