package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A witness restarted on the same data directory remembers every origin and its key. */
class RestartTest {
  @TempDir Path dir;

  @Test
  void remembersEveryOriginAcrossRestarts() throws Exception {
    TestLog a = new TestLog("log.test/a", 10).append(17, "a");
    TestLog b = new TestLog("log.test/b", 11).append(300, "b");
    TestLog c = new TestLog("log.test/c", 12); // never submitted
    var config = TestWitness.config(List.of(a, b, c), Map.of());
    String vkey;
    try (TestWitness w = TestWitness.start(dir, config)) {
      vkey = w.server().verifierKey();
      assertEquals(200, w.post(a.body(0)).statusCode());
      assertEquals(200, w.post(b.body(0)).statusCode());
      b.append(1, "b");
      assertEquals(200, w.post(b.body(300)).statusCode());
    }
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("witness.key"))));

    try (TestWitness w = TestWitness.start(dir, config)) {
      assertEquals(vkey, w.server().verifierKey(), "same cosigning key");
      assertEquals("17", sizeServed(w, a));
      assertEquals("301", sizeServed(w, b));
      assertEquals(404, w.checkpoint(c.origin()).statusCode());
      assertEquals("17\n", w.post(a.body(0)).body(), "409 names the remembered size");
      assertEquals("301\n", w.post(b.body(0)).body());
      a.append(3, "a");
      assertEquals(200, w.post(a.body(17)).statusCode());
    }
    try (TestWitness w = TestWitness.start(dir, config)) {
      assertEquals("20", sizeServed(w, a));
    }
  }

  private static String sizeServed(TestWitness w, TestLog log) {
    var r = w.checkpoint(log.origin());
    assertEquals(200, r.statusCode(), r.body());
    return r.body().lines().skip(1).findFirst().orElseThrow();
  }
}
