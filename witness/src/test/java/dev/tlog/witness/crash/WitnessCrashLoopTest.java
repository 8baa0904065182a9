package dev.tlog.witness.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.witness.http.OriginPath;
import dev.tlog.witness.testing.TestLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the witness (issue 13): the real witness in its own JVM, two clients submitting
 * growing checkpoints of one log (signed by a test log key) with consistency proofs, SIGKILL at a
 * seeded random moment (half right after a cosignature arrived, half after a random sleep), restart
 * on the same state directory. A cosignature is a promise: after every restart the witness's stored
 * checkpoint is at least every size it cosigned, with that size's root, it answers an old size with
 * 409 and its stored size (C2SP tlog-witness), and it refuses a forked checkpoint.
 *
 * <p>{@value #DEFAULT_CYCLES} cycles by default, as for the log server; {@code
 * -Dtlog.crash.cycles=N} for the long mode, {@code -Dtlog.crash.seed=N} to replay.
 */
class WitnessCrashLoopTest {
  static final int DEFAULT_CYCLES = 50;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir Path dir;

  private final TestLog log = new TestLog("log.test/crash", 7);
  // Root of the log at every size a checkpoint was submitted for.
  private final Map<Long, Hash> roots = new ConcurrentHashMap<>();
  private final AtomicLong maxCosigned = new AtomicLong(0);
  private final AtomicLong cosignatures = new AtomicLong();

  @Test
  void cosignedStateSurvivesSigkills() throws Exception {
    int cycles = Integer.getInteger("tlog.crash.cycles", DEFAULT_CYCLES);
    long seed = Long.getLong("tlog.crash.seed", System.nanoTime());
    System.out.println("WitnessCrashLoopTest seed " + seed + " (-Dtlog.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    Path config = dir.resolve("witness.json");
    Files.writeString(
        config,
        "{\"logs\": [{\"origin\": \"" + log.origin() + "\", \"keys\": [\"" + log.vkey() + "\"]}]}");
    Path state = dir.resolve("state");
    long began = System.nanoTime();
    int afterCosign = 0;
    for (int cycle = 0; cycle <= cycles; cycle++) {
      String context = "cycle " + cycle + " (seed " + seed + ")";
      try (WitnessProcess w = WitnessProcess.start(state, config)) {
        checkAfterRestart(w.url(), context);
        if (cycle == cycles) {
          break; // the last restart only checks the last kill
        }
        boolean byCosign = random.nextBoolean();
        AtomicLong killAt = new AtomicLong(Long.MAX_VALUE);
        if (byCosign) {
          afterCosign++;
          killAt.set(cosignatures.get() + 1 + random.nextInt(30));
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
          Random r = new Random(random.nextLong());
          Thread t =
              new Thread(
                  () -> {
                    try {
                      submitUntilDead(w, r, killAt);
                    } catch (Throwable e) {
                      failure.compareAndSet(null, e);
                    }
                  });
          t.start();
          clients.add(t);
        }
        if (!byCosign) {
          Thread.sleep(20 + random.nextInt(400));
          w.killNow();
        }
        for (Thread t : clients) {
          t.join(120_000);
          assertTrue(!t.isAlive(), context + ": a client still runs after the kill");
        }
        if (failure.get() != null) {
          throw new AssertionError(context + ": a client's check failed", failure.get());
        }
      }
    }
    System.out.printf(
        "WitnessCrashLoopTest: %d cycles, %d SIGKILLs (%d right after a cosignature, %d after a"
            + " random sleep), %d cosignatures, log size %d, largest cosigned size %d, seed %d,"
            + " %.1f s%n",
        cycles,
        cycles,
        afterCosign,
        cycles - afterCosign,
        cosignatures.get(),
        log.size(),
        maxCosigned.get(),
        seed,
        (System.nanoTime() - began) / 1e9);
  }

  /** Grows the log and submits its checkpoints until the witness is gone. */
  private void submitUntilDead(WitnessProcess w, Random random, AtomicLong killAt)
      throws Exception {
    long known = 0;
    while (true) {
      byte[] body;
      long size;
      synchronized (log) {
        log.append(1 + random.nextInt(50), "e");
        size = log.size();
        roots.put(size, log.root());
        body = log.body(known);
      }
      HttpResponse<String> r;
      try {
        r = post(w.url(), body);
      } catch (java.io.IOException e) {
        return; // the witness died
      }
      if (r.statusCode() == 200) {
        assertTrue(r.body().contains("witness.test/crash"), r.body());
        maxCosigned.accumulateAndGet(size, Math::max);
        known = size;
        if (cosignatures.incrementAndGet() >= killAt.get()) {
          w.killNow(); // right after a cosignature reached the client
          return;
        }
      } else {
        assertEquals(409, r.statusCode(), "add-checkpoint from " + known + ": " + r.body());
        known = Long.parseLong(r.body().strip());
      }
    }
  }

  private void checkAfterRestart(URI witness, String context) throws Exception {
    long promised = maxCosigned.get();
    HttpResponse<String> stored =
        HTTP.send(
            HttpRequest.newBuilder(witness.resolve("checkpoint/" + OriginPath.encode(log.origin())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (promised == 0) {
      return; // nothing cosigned yet: nothing promised
    }
    assertEquals(200, stored.statusCode(), context + ": stored checkpoint: " + stored.body());
    String text = stored.body();
    Checkpoint cp = Checkpoint.parse(text.substring(0, text.indexOf("\n\n") + 1));
    assertTrue(
        cp.size() >= promised,
        () -> context + ": witness holds size " + cp.size() + " but cosigned " + promised);
    assertEquals(roots.get(cp.size()), cp.root(), context + ": root of the stored size");
    // An old size (C2SP tlog-witness): 409 naming the stored size, never a cosignature.
    HttpResponse<String> old = post(witness, log.body(0));
    assertEquals(409, old.statusCode(), context + ": add-checkpoint from 0: " + old.body());
    assertEquals(cp.size(), Long.parseLong(old.body().strip()), context + ": 409 body");
    // A fork sharing a prefix, one entry longer than the stored tree: never cosigned.
    TestLog fork = log.fork(cp.size() / 2).append((int) (cp.size() - cp.size() / 2) + 1, "fork");
    HttpResponse<String> forked = post(witness, fork.body(cp.size()));
    assertNotEquals(200, forked.statusCode(), context + ": a forked checkpoint was cosigned");
  }

  private static HttpResponse<String> post(URI witness, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(witness.resolve("add-checkpoint"))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
