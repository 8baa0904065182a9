package dev.tlog.witness.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.witness.config.WitnessConfig;
import dev.tlog.witness.testing.TestWitness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One witness per data directory: a second one is refused until the first stops. */
class WitnessDirLockTest {
  @TempDir Path dir;

  private static final WitnessConfig CONFIG = TestWitness.config(List.of(), Map.of());

  @Test
  void aSecondWitnessOnOneDirectoryDoesNotStart() throws Exception {
    String vkey;
    try (TestWitness first = TestWitness.start(dir, CONFIG)) {
      vkey = first.server().verifierKey();
      RuntimeException e =
          assertThrows(RuntimeException.class, () -> TestWitness.start(dir, CONFIG).close());
      assertEquals("DataDirInUseException", e.getClass().getSimpleName(), e.toString());
      assertTrue(
          e.getMessage().contains("is in use") && e.getMessage().contains(dir.toString()),
          e.getMessage());
    }
    try (TestWitness again = TestWitness.start(dir, CONFIG)) {
      assertEquals(vkey, again.server().verifierKey(), "same key after the first let go");
    }
  }

  @Test
  void theLockIsReleasedOnClose() {
    try (WitnessDirLock first = WitnessDirLock.acquire(dir)) {
      assertThrows(DataDirInUseException.class, () -> WitnessDirLock.acquire(dir));
    }
    WitnessDirLock.acquire(dir).close();
  }
}
