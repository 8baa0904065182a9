package dev.tlog.server.storage;

import dev.tlog.server.errors.DataDirInUseException;
import dev.tlog.server.errors.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dataDir}; {@link DataDirInUseException} when another process (or
   * another server in this one) holds it.
   */
  public static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    FileChannel channel;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StorageException("cannot open " + file + ": " + e.getMessage(), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StorageException("cannot lock " + file + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new DataDirInUseException(
          "data directory "
              + dataDir
              + " is in use: a tlog server or a reindex holds "
              + file
              + "; stop it first");
    }
    return new DataDirLock(channel, lock);
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
