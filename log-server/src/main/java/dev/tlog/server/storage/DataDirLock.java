package dev.tlog.server.storage;

import dev.tlog.runtime.storage.DirLock;
import dev.tlog.server.errors.DataDirInUseException;
import dev.tlog.server.errors.StorageException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Exclusive ownership of a data directory: an OS file lock on {@code <data-dir>/tlog.lock}, taken
 * before anything in the directory is opened and held for the owner's whole life, by a running
 * server and by {@code tlog-server reindex}, so that no two of them use one directory at once (LMDB
 * itself would let two servers append to one log). The OS drops the lock when the process dies, so
 * a crash never leaves the directory locked.
 *
 * <p>Threading: acquire and close from any thread. Exceptions: {@link DataDirInUseException} when
 * the lock is held; {@link StorageException} when the lock file cannot be opened.
 */
public final class DataDirLock implements AutoCloseable {
  /** The lock file's name inside the data directory. */
  public static final String FILE = "tlog.lock";

  private final DirLock lock;

  private DataDirLock(DirLock lock) {
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dataDir}; {@link DataDirInUseException} when another process (or
   * another server in this one) holds it.
   */
  public static DataDirLock acquire(Path dataDir) {
    try {
      return new DataDirLock(
          DirLock.tryAcquire(dataDir, FILE)
              .orElseThrow(
                  () ->
                      new DataDirInUseException(
                          "data directory "
                              + dataDir
                              + " is in use: a tlog server or a reindex holds "
                              + dataDir.resolve(FILE)
                              + "; stop it first")));
    } catch (UncheckedIOException e) {
      throw new StorageException(e.getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
