package dev.tlog.bench.raw;

import dev.tlog.bench.report.Figure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/**
 * The fastest durable append LMDB allows here: fixed-size entries under 8-byte big-endian keys,
 * {@code MDB_APPEND} into one database, {@code batch} entries per committed write transaction,
 * default environment flags (every commit is fsynced). Uses lmdbjava's default buffer proxy with
 * direct buffers owned by this class. Each measurement gets a fresh environment, deleted after.
 */
public final class LmdbAppendLimit {
  private static final long MAP_SIZE = 8L << 30;

  private final Path parentDir;
  private final int entryBytes;

  /** Environments are created under {@code parentDir}, which should be on the server's disk. */
  public LmdbAppendLimit(Path parentDir, int entryBytes) {
    this.parentDir = parentDir;
    this.entryBytes = entryBytes;
  }

  /** Appends in batches of {@code batch} for about {@code duration}, at most {@code maxEntries}. */
  public Figure measure(int batch, Duration duration, long maxEntries) {
    Path dir = newDir(batch);
    try {
      return run(dir, batch, duration, maxEntries);
    } finally {
      deleteTree(dir);
    }
  }

  private Figure run(Path dir, int batch, Duration duration, long maxEntries) {
    ByteBuffer key = ByteBuffer.allocateDirect(Long.BYTES);
    ByteBuffer value = ByteBuffer.allocateDirect(entryBytes);
    byte[] filler = new byte[entryBytes];
    new SplittableRandom(batch).nextBytes(filler);
    long written = 0;
    long start;
    long elapsed;
    try (Env<ByteBuffer> env = Env.create().setMapSize(MAP_SIZE).setMaxDbs(1).open(dir.toFile())) {
      Dbi<ByteBuffer> db = env.openDbi("entries", DbiFlags.MDB_CREATE);
      long deadline = System.nanoTime() + duration.toNanos();
      start = System.nanoTime();
      while (System.nanoTime() < deadline && written < maxEntries) {
        try (Txn<ByteBuffer> txn = env.txnWrite()) {
          for (int i = 0; i < batch; i++, written++) {
            key.clear();
            key.putLong(0, written);
            value.clear();
            value.put(filler);
            value.putLong(0, written);
            value.flip();
            db.put(txn, key, value, PutFlags.MDB_APPEND);
          }
          txn.commit();
        }
      }
      elapsed = System.nanoTime() - start;
      db.close();
    }
    double perSecond = written * 1e9 / elapsed;
    double bytesPerEntry = (double) DiskUsage.of(dir) / written;
    return Figure.of("raw.lmdb.append.batch" + batch, "entries/s", perSecond)
        .withBytesPerEntry(bytesPerEntry)
        .withCounts(Map.of("entries", written, "entry_bytes", (long) entryBytes));
  }

  private Path newDir(int batch) {
    try {
      Files.createDirectories(parentDir);
      return Files.createTempDirectory(parentDir, "raw-lmdb-b" + batch + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory under " + parentDir, e);
    }
  }

  static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
