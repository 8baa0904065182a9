package dev.tlog.runtime.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Exclusive ownership of a data directory: an OS file lock on one file inside it, taken before
 * anything in the directory is opened and held for the owner's whole life. The OS drops the lock
 * when the process dies, so a crash never leaves the directory locked. The log server ({@code
 * storage.DataDirLock}) and the witness ({@code state.WitnessDirLock}) wrap this with their own
 * file name, message and exception types.
 *
 * <p>Threading: acquire and close from any thread. Exceptions: {@link UncheckedIOException} when
 * the lock file cannot be opened or locked; an empty result (not an exception) when another
 * process, or another owner in this one, holds the lock.
 */
public final class DirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code dir/fileName}, creating the directory and the file if needed; empty
   * when someone else holds it.
   */
  public static Optional<DirLock> tryAcquire(Path dir, String fileName) {
    Path file = dir.resolve(fileName);
    FileChannel channel;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      closeQuietly(channel);
      return Optional.empty();
    }
    return Optional.of(new DirLock(channel, lock));
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
