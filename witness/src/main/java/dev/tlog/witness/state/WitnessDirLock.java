package dev.tlog.witness.state;

import dev.tlog.runtime.storage.DirLock;
import dev.tlog.witness.errors.StateException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Exclusive ownership of a witness data directory: an OS file lock on {@code
 * <data-dir>/witness.lock}, taken before the key, state or evidence in the directory is touched and
 * held for the witness's whole life, so that two witnesses never share one state (LMDB would let
 * both write, and each would cosign from its own view of the latest size). The OS drops the lock
 * when the process dies, so a crash never leaves the directory locked.
 *
 * <p>The locking itself is {@code tlog-runtime}'s {@link DirLock}, shared with the log server's
 * {@code storage.DataDirLock}; this class names the file and the exceptions.
 *
 * <p>Threading: acquire and close from any thread. Exceptions: {@link DataDirInUseException} when
 * the lock is held; {@link StateException} when the lock file cannot be opened.
 */
public final class WitnessDirLock implements AutoCloseable {
  /** The lock file's name inside the data directory. */
  public static final String FILE = "witness.lock";

  private final DirLock lock;

  private WitnessDirLock(DirLock lock) {
    this.lock = lock;
  }

  /** Takes the lock of {@code dataDir}; {@link DataDirInUseException} when someone holds it. */
  public static WitnessDirLock acquire(Path dataDir) {
    try {
      return new WitnessDirLock(
          DirLock.tryAcquire(dataDir, FILE)
              .orElseThrow(
                  () ->
                      new DataDirInUseException(
                          "witness data directory "
                              + dataDir
                              + " is in use: another witness holds "
                              + dataDir.resolve(FILE)
                              + "; stop it first or give this one its own --data-dir")));
    } catch (UncheckedIOException e) {
      throw new StateException(e.getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
