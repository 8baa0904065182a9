package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.witness.crosscheck.CrossCheckResult;
import dev.tlog.witness.crosscheck.CrossCheckResult.Outcome;
import dev.tlog.witness.fork.ForkEvidence;
import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import dev.tlog.witness.testing.TileServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log shows history A to witness 1 and history B to witness 2, each consistent in itself, so
 * neither witness alone can tell. Cross-checking each other's cosigned checkpoints finds the split.
 */
class CrossCheckTest {
  @TempDir Path dir1;
  @TempDir Path dir2;

  @Test
  void twoWitnessesDetectASplitView() throws Exception {
    TestLog a = new TestLog("log.test/split", 30).append(5, "common").append(5, "a"); // size 10
    TestLog b = a.fork(5).append(9, "b"); // same key, size 14
    try (TileServer tilesA = TileServer.start(a);
        TileServer tilesB = TileServer.start(b)) {
      var config2 = TestWitness.config(List.of(b), Map.of(b.origin(), tilesB.url()));
      TestWitness w2 = TestWitness.start(dir2, config2);
      assertEquals(200, w2.post(b.body(0)).statusCode());

      var config1 =
          TestWitness.config(List.of(a), Map.of(a.origin(), tilesA.url()), List.of(w2.asPeer()));
      try (TestWitness w1 = TestWitness.start(dir1, config1)) {
        assertEquals(200, w1.post(a.body(0)).statusCode());
        // Witness 1 (size 10) cannot get B's size-14 tiles from the log that shows it A.
        CrossCheckResult r1 = crossCheck(w1);
        assertEquals(Outcome.INCONCLUSIVE, r1.outcome(), r1.detail());

        // Witness 2 checks witness 1: B's tiles prove B's size-10 prefix is not A's size 10.
        w2.close();
        var peered2 =
            TestWitness.config(List.of(b), Map.of(b.origin(), tilesB.url()), List.of(w1.asPeer()));
        w2 = TestWitness.start(dir2, peered2);
        CrossCheckResult r2 = crossCheck(w2);
        assertEquals(Outcome.FORK, r2.outcome(), r2.detail());
        String id = r2.evidenceId().orElseThrow();
        ForkEvidence e = ForkEvidence.fromJson(w2.get("forks/" + id).body().getBytes());
        ForkEvidence.Verdict v = e.verify(List.of(a.verifier()));
        assertEquals(10, v.first().size());
        assertEquals(a.root(), v.first().root());
        assertEquals(14, v.second().size());
        assertEquals(b.root(), v.second().root());
        assertEquals("cross-check with " + w1.url(), e.detectedVia());
        // Its own view is unchanged.
        assertEquals(200, w2.checkpoint(b.origin()).statusCode());
        assertEquals(409, w2.post(a.body(0)).statusCode());
      } finally {
        w2.close();
      }
    }
  }

  @Test
  void sameSizeSplitIsFoundWithoutTilesAndAgreementIsConsistent() throws Exception {
    TestLog a = new TestLog("log.test/split2", 31).append(8, "a");
    TestLog b = a.fork(2).append(6, "b"); // also size 8
    try (TestWitness w2 = TestWitness.start(dir2, TestWitness.config(List.of(b), Map.of()))) {
      assertEquals(200, w2.post(b.body(0)).statusCode());
      var config1 = TestWitness.config(List.of(a), Map.of(), List.of(w2.asPeer()));
      try (TestWitness w1 = TestWitness.start(dir1, config1)) {
        assertEquals(200, w1.post(a.body(0)).statusCode());
        CrossCheckResult r = crossCheck(w1);
        assertEquals(Outcome.FORK, r.outcome(), r.detail());
        ForkEvidence e = ForkEvidence.fromJson(w1.get("forks/" + r.detail()).body().getBytes());
        e.verify(List.of(a.verifier()));
      }
    }
  }

  @Test
  void honestLogAtDifferentSizesIsConsistent() throws Exception {
    TestLog log = new TestLog("log.test/honest", 32).append(300, "e");
    try (TileServer tiles = TileServer.start(log);
        TestWitness w2 =
            TestWitness.start(
                dir2, TestWitness.config(List.of(log), Map.of(log.origin(), tiles.url())))) {
      assertEquals(200, w2.post(log.body(0)).statusCode()); // 300
      log.append(700, "e");
      var config1 =
          TestWitness.config(List.of(log), Map.of(log.origin(), tiles.url()), List.of(w2.asPeer()));
      try (TestWitness w1 = TestWitness.start(dir1, config1)) {
        assertEquals(200, w1.post(log.body(0)).statusCode()); // 1000
        CrossCheckResult r = crossCheck(w1);
        assertEquals(Outcome.CONSISTENT, r.outcome(), r.detail());
        assertEquals(0, w1.server().forks().ids().size());
      }
    }
  }

  private static CrossCheckResult crossCheck(TestWitness w) throws Exception {
    List<CrossCheckResult> results =
        w.server().crossCheck().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(1, results.size(), results.toString());
    return results.get(0);
  }
}
