package dev.tlog.server.storage;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.server.errors.DataDirInUseException;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One owner per data directory: a second server or lock is refused until the first lets go. */
class DataDirLockTest {
  @TempDir Path dir;

  @Test
  void aSecondOwnerIsRefusedUntilTheFirstCloses() {
    try (DataDirLock first = DataDirLock.acquire(dir)) {
      DataDirInUseException e =
          assertThrows(DataDirInUseException.class, () -> DataDirLock.acquire(dir));
      assertTrue(e.getMessage().contains("is in use"), e.getMessage());
    }
    DataDirLock.acquire(dir).close();
  }

  @Test
  void aSecondServerOnOneDirectoryDoesNotStart() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      assertThrows(DataDirInUseException.class, () -> TestLog.start(dir));
    }
    TestLog.start(dir).close();
  }
}
