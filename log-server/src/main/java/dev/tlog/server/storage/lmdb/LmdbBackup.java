package dev.tlog.server.storage.lmdb;

import dev.tlog.server.errors.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;

/**
 * A consistent copy of a log's LMDB environment, taken while a server may be appending to it
 * (spec/storage.md, "Backups"). The source is opened read-only ({@code MDB_RDONLY_ENV}) through
 * LMDB's own lock file, like any second reader process: it neither takes nor needs the data
 * directory's {@code tlog.lock}, and never writes {@code data.mdb}. {@code mdb_env_copy} then
 * writes the pages of one read snapshot: the state after some committed batch, with its signed
 * checkpoint. A writer is held back only while the copy's meta pages are written.
 *
 * <p>Threading: {@link #copy} blocks its caller for the whole copy. Exceptions: {@link
 * StorageException} when the source cannot be opened or the copy fails.
 */
public final class LmdbBackup {
  /** Opens of the source tried when the writer grows its map under the copy. */
  private static final int ATTEMPTS = 3;

  /** What one copy wrote. */
  public record Copied(long bytes, Duration elapsed) {}

  private LmdbBackup() {}

  /**
   * Copies the environment in {@code logDir} into {@code outLogDir}, which must be an empty
   * directory; returns the size of the copied {@code data.mdb}.
   */
  public static Copied copy(Path logDir, Path outLogDir) {
    return copy(logDir, outLogDir, Duration.ofSeconds(2), written -> {});
  }

  /**
   * {@link #copy(Path, Path)}, handing the bytes written to the copy so far to {@code progress}
   * every {@code interval} while it runs ({@code mdb_env_copy} has no callback: the file is
   * watched), from another thread.
   */
  public static Copied copy(Path logDir, Path outLogDir, Duration interval, LongConsumer progress) {
    ScheduledExecutorService watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tlog-backup-progress");
              t.setDaemon(true);
              return t;
            });
    Path copy = outLogDir.resolve("data.mdb");
    watcher.scheduleAtFixedRate(
        () -> {
          try {
            progress.accept(Files.size(copy));
          } catch (IOException e) {
            // not created yet, or being replaced after a retry
          }
        },
        interval.toNanos(),
        interval.toNanos(),
        TimeUnit.NANOSECONDS);
    try {
      return copyOnce(logDir, outLogDir);
    } finally {
      watcher.shutdownNow();
    }
  }

  private static Copied copyOnce(Path logDir, Path outLogDir) {
    Path data = logDir.resolve("data.mdb");
    if (!Files.exists(data)) {
      throw new StorageException("no log in " + logDir + " (no data.mdb)");
    }
    long began = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try (Env<ByteBuffer> env = openSource(logDir, data)) {
        env.copy(outLogDir.toFile());
        return new Copied(
            Files.size(outLogDir.resolve("data.mdb")), Duration.ofNanos(System.nanoTime() - began));
      } catch (Dbi.MapResizedException e) {
        // The writer grew the file past the map sized a moment ago: size it again.
        if (attempt == ATTEMPTS) {
          throw new StorageException("the log kept growing past the backup's map: " + e, e);
        }
        deleteCopy(outLogDir);
      } catch (LmdbException e) {
        throw new StorageException("cannot copy " + logDir + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new StorageException("cannot read the copy's size: " + e.getMessage(), e);
      }
    }
  }

  private static Env<ByteBuffer> openSource(Path logDir, Path data) throws IOException {
    // Room for the writer to grow the file while the copy is set up: a read-only map of the
    // address space costs nothing until read, and LMDB maps at least what is committed.
    long mapSize = Math.max(1L << 30, Math.multiplyExact(Files.size(data), 4));
    try {
      return Env.create()
          .setMapSize(mapSize)
          .setMaxDbs(8)
          // As the server opens it: the lock file's reader table is sized by whoever created it.
          .setMaxReaders(1024)
          .open(logDir.toFile(), EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOTLS);
    } catch (LmdbException e) {
      throw new StorageException(
          "cannot open LMDB environment in " + logDir + " read-only: " + e.getMessage(), e);
    }
  }

  private static void deleteCopy(Path outLogDir) {
    try {
      Files.deleteIfExists(outLogDir.resolve("data.mdb"));
    } catch (IOException e) {
      throw new StorageException("cannot remove a failed copy: " + e.getMessage(), e);
    }
  }
}
