package dev.tlog.witness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/witness.md, "Metrics" and "Health": a real witness answering real add-checkpoint requests;
 * the scrape counts each request under its result and each fork detected.
 */
class WitnessMetricsTest {
  @TempDir Path dir;

  private final TestLog honest = new TestLog("log.test/metrics", 5).append(6, "a");
  private final TestLog unknown = new TestLog("log.test/unknown", 6).append(2, "u");

  @Test
  void requestsAreCountedByResultAndForksAreCounted() throws Exception {
    TestLog sameSize = honest.fork(3).append(3, "b"); // same key, same size, other root
    try (TestWitness w = TestWitness.start(dir, TestWitness.config(List.of(honest), Map.of()))) {
      assertEquals(200, w.get("healthz").statusCode());
      HttpResponse<String> ready = w.get("readyz");
      assertEquals(200, ready.statusCode(), ready.body());
      assertEquals("ready\n", ready.body());

      assertEquals(200, w.post(honest.body(0)).statusCode());
      assertEquals(409, w.post(sameSize.body(6)).statusCode()); // conflict: fork evidence
      assertEquals(409, w.post(honest.body(3)).statusCode()); // the witness is at 6, not 3
      assertEquals(400, w.post("not a request".getBytes(StandardCharsets.UTF_8)).statusCode());
      assertEquals(404, w.post(unknown.body(0)).statusCode());
      honest.append(2, "a");
      assertEquals(200, w.post(honest.body(6)).statusCode());

      HttpResponse<String> metrics = w.get("metrics");
      assertEquals(200, metrics.statusCode());
      assertEquals(
          "text/plain; version=0.0.4; charset=utf-8",
          metrics.headers().firstValue("Content-Type").orElseThrow());
      Map<String, Double> s = parse(metrics.body());
      assertEquals(2.0, s.get("tlog_witness_requests_total{result=\"cosigned\"}"), s.toString());
      assertEquals(1.0, s.get("tlog_witness_requests_total{result=\"conflict\"}"));
      assertEquals(1.0, s.get("tlog_witness_requests_total{result=\"old-size-mismatch\"}"));
      assertEquals(1.0, s.get("tlog_witness_requests_total{result=\"bad-request\"}"));
      assertEquals(1.0, s.get("tlog_witness_requests_total{result=\"unknown-log\"}"));
      assertEquals(
          1.0, s.get("tlog_witness_forks_detected_total{via=\"add-checkpoint\"}"), s.toString());
      assertEquals(1, w.server().forks().ids().size());
      assertTrue(s.keySet().stream().noneMatch(k -> k.contains("result=\"error\"")), s.toString());
    }
  }

  private static Map<String, Double> parse(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return out;
  }
}
