package dev.tlog.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishSummaryTest {
  @Test
  void saysNothingWithoutPublishingFigures() {
    assertEquals("", print(List.of(Figure.of("raw.sha256.128B", "hashes/s", 1e6))));
  }

  @Test
  void readsTheFiguresTogether() {
    List<Figure> figures =
        List.of(
            Figure.of("raw.s3.put.tile", "objects/s", 90),
            Figure.of("publish.s3.append", "entries/s", 20_000),
            Figure.of("publish.s3.entries", "entries/s", 5_000).comparedTo(20_000),
            Figure.of("publish.s3.objects", "objects/s", 40)
                .comparedTo(100)
                .withCounts(Map.of("avg_object_bytes", 20_000L)),
            Figure.of("publish.s3.lag_at_stop", "entries", 150_000),
            Figure.of("publish.s3.catchup_seconds", "s", 12.5).withCounts(Map.of("timed_out", 1L)));
    String out = print(figures);
    assertTrue(
        out.contains("5,000 entries/s while the log took 20,000 entries/s (ratio 0.250)"), out);
    assertTrue(out.contains("40.0 objects/s (20,000 bytes each"), out);
    assertTrue(out.contains("(ratio 0.400)"), out);
    assertTrue(out.contains("lagged 150,000 entries; STILL BEHIND 12.50 s later"), out);
  }

  private static String print(List<Figure> figures) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new PublishSummary(figures).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
