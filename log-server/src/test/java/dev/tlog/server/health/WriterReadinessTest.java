package dev.tlog.server.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.server.errors.StorageException;
import dev.tlog.server.errors.UnavailableException;
import dev.tlog.server.integrate.Submitted;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.Pipeline;
import dev.tlog.server.testing.StorageDecorator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/api.md, "Health", the {@code writer} check: a pipeline on real LMDB whose commit fails and
 * whose reload then fails with an Error (as when the heap is gone) stops appending for good; the
 * readiness checks say so, with the reason, and only that.
 */
class WriterReadinessTest {
  @TempDir Path dir;

  @Test
  void aWriterStoppedByAnUnrecoverableFailureIsNotReady() throws Exception {
    AtomicBoolean broken = new AtomicBoolean();
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
                        throw new OutOfMemoryError("injected: no heap to reload");
                      }
                    }))) {
      LogReadiness readiness =
          new LogReadiness(
              p.lmdb,
              Optional.of(Pipeline.KEY.verifierKey()),
              p.sequencer,
              1000,
              p.feed,
              p.feed,
              false,
              Duration.ofSeconds(30),
              Duration.ofMinutes(10));
      assertEquals(List.of(), readiness.readiness().failures(), "ready before the failure");
      assertThrows(
          ExecutionException.class,
          () -> p.sequencer.submit(entries("a")).get(10, TimeUnit.SECONDS));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (p.sequencer.failure().isEmpty() && System.nanoTime() < deadline) {
        try {
          p.sequencer.submit(entries("b")).get(10, TimeUnit.SECONDS);
        } catch (UnavailableException | ExecutionException e) {
          // refused: the builder is stopping
        }
      }
      List<String> failures = readiness.readiness().failures();
      assertEquals(1, failures.size(), failures.toString());
      assertTrue(
          failures
              .get(0)
              .startsWith(
                  "writer: stopped appending after an unrecoverable failure:"
                      + " java.lang.OutOfMemoryError: injected: no heap to reload"),
          failures.get(0));
    }
  }

  private static List<Submitted> entries(String s) {
    return List.of(Submitted.opaque(s.getBytes(StandardCharsets.UTF_8)));
  }
}
