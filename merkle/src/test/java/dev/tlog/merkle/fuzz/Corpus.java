package dev.tlog.merkle.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Seeds for {@link Mutants}: the strings of the spec's test vectors (spec/vectors), valid or not.
 */
public final class Corpus {
  private Corpus() {}

  /** Every string value in the vector files {@code files} that {@code keep} accepts. */
  public static List<String> strings(Predicate<String> keep, String... files) {
    List<String> out = new ArrayList<>();
    for (String f : files) {
      collect(Vectors.load(f), keep, out);
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no seeds in " + String.join(", ", files));
    }
    return List.copyOf(out);
  }

  /** {@code seeds} as UTF-8 bytes, one picked at random. */
  public static Arbitrary<byte[]> bytes(List<String> seeds) {
    return Arbitraries.of(seeds).map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  private static void collect(JsonNode n, Predicate<String> keep, List<String> out) {
    if (n.isTextual()) {
      if (keep.test(n.asText())) {
        out.add(n.asText());
      }
    } else {
      n.forEach(child -> collect(child, keep, out));
    }
  }
}
