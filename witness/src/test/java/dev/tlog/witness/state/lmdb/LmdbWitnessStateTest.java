package dev.tlog.witness.state.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.witness.errors.OldSizeMismatchException;
import dev.tlog.witness.state.StoredCheckpoint;
import dev.tlog.witness.testing.TestLog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare-and-set semantics and durability on a real LMDB environment. */
class LmdbWitnessStateTest {
  @TempDir Path dir;

  @Test
  void compareAndSetChecksTheRecordedSize() {
    TestLog log = new TestLog("log.test/" + "x".repeat(600), "log.test/long", 40).append(3, "e");
    StoredCheckpoint three = StoredCheckpoint.of(log.checkpoint());
    StoredCheckpoint five = StoredCheckpoint.of(log.append(2, "e").checkpoint());
    try (LmdbWitnessState s = LmdbWitnessState.open(dir)) {
      assertTrue(s.latest(log.origin()).isEmpty());
      OldSizeMismatchException e =
          assertThrows(
              OldSizeMismatchException.class, () -> s.compareAndSet(log.origin(), 1, three));
      assertEquals(0, e.current());
      s.compareAndSet(log.origin(), 0, three);
      assertThrows(OldSizeMismatchException.class, () -> s.compareAndSet(log.origin(), 0, five));
      assertEquals(three, s.latest(log.origin()).orElseThrow());
      s.compareAndSet(log.origin(), 3, five);
    }
    try (LmdbWitnessState s = LmdbWitnessState.open(dir)) {
      assertEquals(five, s.latest(log.origin()).orElseThrow(), "survives reopening");
    }
  }
}
