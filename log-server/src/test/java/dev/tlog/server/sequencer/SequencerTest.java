package dev.tlog.server.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.server.errors.OverloadedException;
import dev.tlog.server.errors.UnavailableException;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.integrate.BatchIntegrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sequencer alone, over a recording integrator that numbers entries in arrival order. */
class SequencerTest {
  /** Assigns consecutive indices; optionally blocks until released. */
  static final class RecordingIntegrator implements BatchIntegrator {
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> requestSizes = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch release;
    long next;

    RecordingIntegrator(CountDownLatch release) {
      this.release = release;
    }

    @Override
    public List<List<AppendResult>> integrate(List<List<byte[]>> requests) {
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      int total = 0;
      List<List<AppendResult>> out = new ArrayList<>();
      for (List<byte[]> r : requests) {
        requestSizes.add(r.size());
        List<AppendResult> rs = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
          rs.add(new AppendResult(next++, Hash.ZERO, Hash.ZERO, null, false));
        }
        total += r.size();
        out.add(rs);
      }
      batchSizes.add(total);
      return out;
    }
  }

  private static List<byte[]> entries(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new byte[] {(byte) i});
    }
    return out;
  }

  @Test
  void requestsAreNeverSplitAndBatchesStayWithinLimit() throws Exception {
    RecordingIntegrator sink = new RecordingIntegrator(new CountDownLatch(0));
    List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
    try (Sequencer s = new Sequencer(sink, new SequencerLimits(10, Duration.ofMillis(5), 1000))) {
      for (int i = 0; i < 100; i++) {
        futures.add(s.submit(entries(1 + i % 7)));
      }
      for (CompletableFuture<List<AppendResult>> f : futures) {
        f.get(10, TimeUnit.SECONDS);
      }
    }
    for (int size : sink.batchSizes) {
      assertTrue(size <= 10, "batch of " + size + " exceeds 10");
    }
    long expected = 0;
    for (int i = 0; i < 100; i++) {
      List<AppendResult> rs = futures.get(i).get();
      assertEquals(1 + i % 7, rs.size());
      for (AppendResult r : rs) {
        assertEquals(expected++, r.index(), "indices follow submission order");
      }
    }
  }

  @Test
  void fullQueueIsRefusedWithRetryHintAndAcceptedWorkCompletes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RecordingIntegrator sink = new RecordingIntegrator(release);
    try (Sequencer s = new Sequencer(sink, new SequencerLimits(4, Duration.ZERO, 8))) {
      List<CompletableFuture<List<AppendResult>>> accepted = new ArrayList<>();
      accepted.add(s.submit(entries(4)));
      accepted.add(s.submit(entries(4)));
      OverloadedException e = assertThrows(OverloadedException.class, () -> s.submit(entries(1)));
      assertTrue(e.retryAfter().toMillis() > 0);
      assertTrue(e.getMessage().contains("8 entries"), e.getMessage());
      release.countDown();
      for (CompletableFuture<List<AppendResult>> f : accepted) {
        assertEquals(4, f.get(10, TimeUnit.SECONDS).size());
      }
      assertEquals(0, s.queuedEntries());
      assertEquals(4, s.submit(entries(4)).get(10, TimeUnit.SECONDS).size());
    }
  }

  @Test
  void closeFinishesQueuedWorkThenRefusesNewWork() throws Exception {
    RecordingIntegrator sink = new RecordingIntegrator(new CountDownLatch(0));
    Sequencer s = new Sequencer(sink, new SequencerLimits(2, Duration.ofMillis(20), 100));
    List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(s.submit(entries(1)));
    }
    s.close();
    for (CompletableFuture<List<AppendResult>> f : futures) {
      assertTrue(f.isDone() && !f.isCompletedExceptionally());
    }
    assertThrows(UnavailableException.class, () -> s.submit(entries(1)));
  }

  @Test
  void oversizedRequestIsRejected() {
    try (Sequencer s =
        new Sequencer(
            new RecordingIntegrator(new CountDownLatch(0)),
            new SequencerLimits(2, Duration.ZERO, 4))) {
      assertThrows(IllegalArgumentException.class, () -> s.submit(entries(3)));
      assertThrows(IllegalArgumentException.class, () -> s.submit(entries(0)));
    }
  }
}
