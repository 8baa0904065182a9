package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Racing add-checkpoint requests for one origin never lose or regress state. */
class ConcurrencyTest {
  @TempDir Path dir;

  @Test
  void exactlyOneOfTheRacingRequestsWithTheSameOldSizeWins() throws Exception {
    TestLog log = new TestLog("log.test/race", 20).append(1, "e");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (TestWitness w = TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()))) {
      assertEquals(200, w.post(log.body(0)).statusCode());
      long recorded = 1;
      for (int round = 0; round < 25; round++) {
        // 2..8 checkpoints of growing sizes, all claiming the same old size.
        int racers = 2 + round % 7;
        List<byte[]> bodies = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
          log.append(1 + i, "e");
          bodies.add(log.body(recorded));
          sizes.add(log.size());
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (byte[] body : bodies) {
          results.add(pool.submit(() -> awaitThenPost(go, w, body)));
        }
        go.countDown();
        long winner = -1;
        int wins = 0;
        for (int i = 0; i < racers; i++) {
          HttpResponse<String> r = results.get(i).get();
          if (r.statusCode() == 200) {
            wins++;
            winner = sizes.get(i);
          } else {
            assertEquals(409, r.statusCode(), r.body());
            long told = Long.parseLong(r.body().strip());
            assertTrue(sizes.contains(told), "409 names the winner's size, got " + told);
          }
        }
        assertEquals(1, wins, "round " + round);
        String served = w.checkpoint(log.origin()).body();
        assertEquals(Long.toString(winner), served.lines().skip(1).findFirst().orElseThrow());
        assertTrue(winner > recorded, "never regresses");
        recorded = winner;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static HttpResponse<String> awaitThenPost(CountDownLatch go, TestWitness w, byte[] b)
      throws InterruptedException {
    go.await();
    return CompletableFuture.supplyAsync(() -> w.post(b)).join();
  }
}
