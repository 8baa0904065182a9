package dev.tlog.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One owner per directory and lock file name, until it closes. */
class DirLockTest {
  @TempDir Path dir;

  @Test
  void aSecondOwnerGetsNothingUntilTheFirstCloses() {
    try (DirLock first = DirLock.tryAcquire(dir.resolve("d"), "x.lock").orElseThrow()) {
      assertTrue(DirLock.tryAcquire(dir.resolve("d"), "x.lock").isEmpty());
      Optional<DirLock> other = DirLock.tryAcquire(dir.resolve("d"), "y.lock");
      assertTrue(other.isPresent(), "another lock file is another lock");
      other.get().close();
    }
    DirLock.tryAcquire(dir.resolve("d"), "x.lock").orElseThrow().close();
  }
}
