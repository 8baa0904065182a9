package dev.tlog.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.ResultsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a JMH JSON result file ({@code -rf json}) into figures named {@code
 * jmh.<Class>.<method>[.<param>]}. Hashing figures are compared with the raw SHA-256 rate of the
 * same run.
 */
public final class JmhImport {
  /** The raw figure that hashing benchmarks are compared with. */
  public static final String RAW_SHA256 = "raw.sha256.128B";

  private final ResultsFile results;

  public JmhImport(ResultsFile results) {
    this.results = results;
  }

  /** Appends one figure per benchmark in {@code jmhJson}; returns how many. */
  public int importFile(Path jmhJson) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(jmhJson.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JMH results " + jmhJson, e);
    }
    Optional<Double> sha = results.find(RAW_SHA256);
    int n = 0;
    for (JsonNode run : root) {
      String name = name(run);
      JsonNode metric = run.path("primaryMetric");
      Figure f =
          Figure.of(name, metric.path("scoreUnit").asText(), metric.path("score").asDouble());
      if (name.startsWith("jmh.HashingBench.") && sha.isPresent()) {
        f = f.comparedTo(sha.get());
      }
      results.append(f);
      n++;
    }
    return n;
  }

  private static String name(JsonNode run) {
    String benchmark = run.path("benchmark").asText();
    String[] parts = benchmark.split("\\.");
    StringBuilder name =
        new StringBuilder("jmh.")
            .append(parts[parts.length - 2])
            .append('.')
            .append(parts[parts.length - 1]);
    Iterator<Map.Entry<String, JsonNode>> params = run.path("params").fields();
    while (params.hasNext()) {
      String v = params.next().getValue().asText();
      name.append('.').append(v.equals("1000") ? "1k" : v.equals("1000000") ? "1M" : v);
    }
    return name.toString();
  }
}
