package dev.tlog.witness.state;

import dev.tlog.witness.errors.StateException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive ownership of a witness data directory: an OS file lock on {@code
 * <data-dir>/witness.lock}, taken before the key, state or evidence in the directory is touched and
 * held for the witness's whole life, so that two witnesses never share one state (LMDB would let
 * both write, and each would cosign from its own view of the latest size). The OS drops the lock
 * when the process dies, so a crash never leaves the directory locked.
 *
 * <p>This is a small copy of the log server's {@code storage.DataDirLock}: the witness must not
 * depend on the log server, and {@code merkle}, the one module both use, does no I/O.
 *
 * <p>Threading: acquire and close from any thread. Exceptions: {@link DataDirInUseException} when
 * the lock is held; {@link StateException} when the lock file cannot be opened.
 */
public final class WitnessDirLock implements AutoCloseable {
  /** The lock file's name inside the data directory. */
  public static final String FILE = "witness.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private WitnessDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code dataDir}; {@link DataDirInUseException} when someone holds it. */
  public static WitnessDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    FileChannel channel;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StateException("cannot open " + file + ": " + e.getMessage(), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StateException("cannot lock " + file + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new DataDirInUseException(
          "witness data directory "
              + dataDir
              + " is in use: another witness holds "
              + file
              + "; stop it first or give this one its own --data-dir");
    }
    return new WitnessDirLock(channel, lock);
  }

  private static void closeQuietly(FileChannel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing was locked
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }
}
