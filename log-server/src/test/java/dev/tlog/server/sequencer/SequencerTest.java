package dev.tlog.server.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.server.errors.OverloadedException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.errors.UnavailableException;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.integrate.Submitted;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.testing.Pipeline;
import dev.tlog.server.testing.StorageDecorator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequencer's pipeline over real LMDB, with the writer held or failed where a test needs it.
 */
class SequencerTest {
  @TempDir Path dir;

  private static List<Submitted> entries(String prefix, int n) {
    List<Submitted> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Submitted.opaque((prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(20, TimeUnit.SECONDS), "latch not released");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void requestsAreNeverSplitAndBatchesStayWithinLimit() throws Exception {
    List<long[]> batches = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
    List<Integer> requestSizes = new ArrayList<>();
    try (Pipeline p =
        new Pipeline(
            dir,
            new SequencerLimits(10, Duration.ofMillis(5), 1000),
            s ->
                new StorageDecorator(
                    s, b -> batches.add(new long[] {b.firstIndex(), b.endIndex()})))) {
      for (int i = 0; i < 100; i++) {
        requestSizes.add(1 + i % 7);
        futures.add(p.sequencer.submit(entries("r" + i, 1 + i % 7)));
      }
      for (CompletableFuture<List<AppendResult>> f : futures) {
        f.get(10, TimeUnit.SECONDS);
      }
    }
    long expected = 0;
    List<Long> requestStarts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      List<AppendResult> rs = futures.get(i).get();
      assertEquals(requestSizes.get(i), rs.size());
      requestStarts.add(expected);
      for (AppendResult r : rs) {
        assertEquals(expected++, r.index(), "indices follow submission order");
        assertTrue(r.checkpoint().size() > r.index(), "the checkpoint covers the entry");
      }
    }
    assertEquals(expected, batches.get(batches.size() - 1)[1], "every entry was written");
    for (long[] b : batches) {
      assertTrue(b[1] - b[0] <= 10, "batch of " + (b[1] - b[0]) + " exceeds 10");
      assertTrue(requestStarts.contains(b[0]), "batch starting at " + b[0] + " splits a request");
    }
  }

  @Test
  void batchesGrowWhileTheWriterIsBusy() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Long> sizes = Collections.synchronizedList(new ArrayList<>());
    try (Pipeline p =
        new Pipeline(
            dir,
            new SequencerLimits(1000, Duration.ZERO, 10_000),
            s ->
                new StorageDecorator(
                    s,
                    b -> {
                      sizes.add(b.endIndex() - b.firstIndex());
                      await(release);
                    }))) {
      CompletableFuture<List<AppendResult>> first = p.sequencer.submit(entries("first", 1));
      while (sizes.isEmpty()) {
        Thread.onSpinWait();
      }
      List<CompletableFuture<List<AppendResult>>> rest = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        rest.add(p.sequencer.submit(entries("later" + i, 1)));
      }
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
      for (CompletableFuture<List<AppendResult>> f : rest) {
        f.get(10, TimeUnit.SECONDS);
      }
    }
    assertEquals(List.of(1L, 50L), sizes, "the 50 requests queued during a commit share one batch");
  }

  @Test
  void fullQueueIsRefusedWithRetryHintAndAcceptedWorkCompletes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Pipeline p =
        new Pipeline(
            dir,
            new SequencerLimits(4, Duration.ZERO, 8),
            s -> new StorageDecorator(s, b -> await(release)))) {
      List<CompletableFuture<List<AppendResult>>> accepted = new ArrayList<>();
      accepted.add(p.sequencer.submit(entries("a", 4)));
      accepted.add(p.sequencer.submit(entries("b", 4)));
      OverloadedException e =
          assertThrows(OverloadedException.class, () -> p.sequencer.submit(entries("c", 1)));
      assertTrue(e.retryAfter().toMillis() > 0);
      assertTrue(e.getMessage().contains("8 entries"), e.getMessage());
      release.countDown();
      for (CompletableFuture<List<AppendResult>> f : accepted) {
        assertEquals(4, f.get(10, TimeUnit.SECONDS).size());
      }
      assertEquals(0, p.sequencer.queuedEntries());
      assertEquals(4, p.sequencer.submit(entries("d", 4)).get(10, TimeUnit.SECONDS).size());
    }
  }

  @Test
  void closeMakesQueuedWorkDurableThenRefusesNewWork() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
    Pipeline p =
        new Pipeline(
            dir,
            new SequencerLimits(2, Duration.ZERO, 100),
            s -> new StorageDecorator(s, b -> await(release)));
    for (int i = 0; i < 20; i++) {
      futures.add(p.sequencer.submit(entries("q" + i, 1)));
    }
    Thread closer = new Thread(p::stop);
    closer.start();
    release.countDown();
    closer.join(20_000);
    assertFalse(closer.isAlive(), "close() returned");
    for (CompletableFuture<List<AppendResult>> f : futures) {
      assertTrue(f.isDone() && !f.isCompletedExceptionally(), "every queued append was answered");
    }
    assertThrows(UnavailableException.class, () -> p.sequencer.submit(entries("late", 1)));
    try (LogReader r = p.lmdb.reader()) {
      assertEquals(20, r.size(), "every acknowledged append is stored");
    }
    assertEquals(20, p.verify(StartupVerifier.Mode.FULL).size());
    p.close();
  }

  @Test
  void anAnsweredCallerFindsTheRoomItsRequestFreed() throws Exception {
    try (Pipeline p = new Pipeline(dir, new SequencerLimits(4, Duration.ZERO, 4))) {
      for (int i = 0; i < 200; i++) {
        // Would be refused if the answer came before the 4 entries left the queue count.
        assertEquals(
            4, p.sequencer.submit(entries("full" + i, 4)).get(10, TimeUnit.SECONDS).size());
      }
    }
  }

  @Test
  void oversizedRequestIsRejected() {
    try (Pipeline p = new Pipeline(dir, new SequencerLimits(2, Duration.ZERO, 4))) {
      assertThrows(IllegalArgumentException.class, () -> p.sequencer.submit(entries("x", 3)));
      assertThrows(IllegalArgumentException.class, () -> p.sequencer.submit(entries("x", 0)));
    }
  }

  @Test
  void aFailedCommitFailsItsRequestsAndTheLogContinuesFromDisk() throws Exception {
    AtomicInteger commits = new AtomicInteger();
    CountDownLatch firstHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (Pipeline p =
        new Pipeline(
            dir,
            new SequencerLimits(100, Duration.ZERO, 1000),
            s ->
                new StorageDecorator(
                    s,
                    b -> {
                      int n = commits.incrementAndGet();
                      if (n == 1) {
                        firstHeld.countDown();
                        await(release);
                      }
                      if (n == 2) {
                        throw new StorageException("injected disk failure");
                      }
                    }))) {
      CompletableFuture<List<AppendResult>> ok = p.sequencer.submit(entries("ok", 3));
      await(firstHeld);
      // Built while the first commit is held; its own commit fails.
      CompletableFuture<List<AppendResult>> lost = p.sequencer.submit(entries("lost", 2));
      release.countDown();
      assertEquals(3, ok.get(10, TimeUnit.SECONDS).size());
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> lost.get(10, TimeUnit.SECONDS));
      assertInstanceOf(StorageException.class, e.getCause());
      // The same entries again: not duplicates of the failed batch, they get fresh indexes.
      List<AppendResult> retried = p.sequencer.submit(entries("lost", 2)).get(10, TimeUnit.SECONDS);
      assertEquals(3, retried.get(0).index());
      assertFalse(retried.get(0).duplicate());
      assertEquals(5, retried.get(1).checkpoint().size());
    }
    try (Pipeline p = new Pipeline(dir, new SequencerLimits(100, Duration.ZERO, 1000))) {
      assertEquals(5, p.verify(StartupVerifier.Mode.FULL).size());
    }
  }

  @Test
  void whenTheBuilderDiesAppendsAreRefusedAtOnce() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean broken =
        new java.util.concurrent.atomic.AtomicBoolean();
    try (Pipeline p =
        new Pipeline(
            dir,
            new SequencerLimits(100, Duration.ZERO, 1000),
            s ->
                new StorageDecorator(
                    s,
                    b -> {
                      broken.set(true);
                      throw new StorageException("injected disk failure");
                    },
                    () -> {
                      if (broken.get()) {
                        // An Error, as when the leaf index cannot grow: not a RuntimeException.
                        throw new OutOfMemoryError("injected: no heap to reload");
                      }
                    }))) {
      ExecutionException first =
          assertThrows(
              ExecutionException.class,
              () -> p.sequencer.submit(entries("a", 1)).get(10, TimeUnit.SECONDS));
      assertInstanceOf(StorageException.class, first.getCause());
      // The builder cannot reload from storage: it stops, and nothing waits on a dead queue.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      UnavailableException refused = null;
      while (refused == null && System.nanoTime() < deadline) {
        try {
          p.sequencer.submit(entries("b", 1)).get(10, TimeUnit.SECONDS);
        } catch (UnavailableException e) {
          refused = e;
        } catch (ExecutionException e) {
          assertInstanceOf(UnavailableException.class, e.getCause());
        }
      }
      assertTrue(refused != null, "appends are refused once the log cannot recover");
      assertTrue(refused.getMessage().contains("unrecoverable"), refused.getMessage());
    }
  }

  @Test
  void aRepeatOfAnEntryStillInFlightIsADuplicateAnsweredAfterItIsDurable() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Pipeline p =
        new Pipeline(
            dir,
            new SequencerLimits(100, Duration.ZERO, 1000),
            s -> new StorageDecorator(s, b -> await(release)))) {
      CompletableFuture<List<AppendResult>> first = p.sequencer.submit(entries("same", 1));
      CompletableFuture<List<AppendResult>> again = p.sequencer.submit(entries("same", 1));
      Thread.sleep(50);
      assertFalse(again.isDone(), "a duplicate is not acknowledged before the original is durable");
      release.countDown();
      AppendResult a = first.get(10, TimeUnit.SECONDS).get(0);
      AppendResult b = again.get(10, TimeUnit.SECONDS).get(0);
      assertEquals(a.index(), b.index());
      assertFalse(a.duplicate());
      assertTrue(b.duplicate());
      assertEquals(TreeHasher.leafHash(entries("same", 1).get(0).entry()), b.leafHash());
      assertEquals(a.chainHash(), b.chainHash());
    }
  }
}
