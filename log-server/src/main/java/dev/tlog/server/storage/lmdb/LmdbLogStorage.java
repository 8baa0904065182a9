package dev.tlog.server.storage.lmdb;

import dev.tlog.server.errors.CorruptStorageException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.errors.StorageFullException;
import dev.tlog.server.storage.BatchWrite;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.LmdbNativeException;
import org.lmdbjava.Txn;

/**
 * {@link LogStorage} on one LMDB environment (layout {@value #FORMAT_VERSION}, spec/storage.md).
 * Databases: {@code bundles} (bundle index → C2SP entry bundle body), {@code chains} (bundle index
 * → the chain hashes of its entries), {@code tiles} (level byte ‖ tile index → tile in {@link
 * dev.tlog.server.storage.TileStratum} form), {@code meta} (format, origin, size, the checkpoint
 * signed for that size, the latest cosigned checkpoint as size ‖ note, the log mode, the size it
 * was closed at), {@code payloads} (entry index → payload record of a ledger event). The rightmost
 * bundle and tiles are rewritten whole as they widen; every other value is written once.
 *
 * <p>Memory: keys and values cross into LMDB only through direct buffers this class owns or buffers
 * LMDB itself reserved, so the garbage collector cannot free memory LMDB still reads (lmdbjava
 * issue 252, a crash under load with its byte-array proxy).
 *
 * <p>Durability: the environment is opened without MDB_NOSYNC/MDB_NOMETASYNC, so every commit is
 * fsynced before it returns. When the map is full the write transaction is aborted, the map is
 * doubled and the whole batch retried; a resize waits for open readers to close. A full disk
 * (ENOSPC, EDQUOT) or a map that cannot grow is a {@link StorageFullException}; the aborted
 * transaction leaves the environment usable.
 */
public final class LmdbLogStorage implements LogStorage {
  /** Bumped whenever the on-disk layout changes incompatibly. */
  public static final String FORMAT_VERSION = "tlog-lmdb/2";

  static final ByteBuffer META_FORMAT = Keys.name("format");
  static final ByteBuffer META_ORIGIN = Keys.name("origin");
  static final ByteBuffer META_SIZE = Keys.name("size");
  static final ByteBuffer META_CHECKPOINT = Keys.name("checkpoint");
  static final ByteBuffer META_COSIGNED = Keys.name("cosigned");
  static final ByteBuffer META_MODE = Keys.name("mode");
  static final ByteBuffer META_CLOSED = Keys.name("closed");

  private static final int ENOSPC = 28;
  private static final int EDQUOT = 122;

  private final Env<ByteBuffer> env;
  final Dbi<ByteBuffer> bundles;
  final Dbi<ByteBuffer> chains;
  final Dbi<ByteBuffer> tiles;
  final Dbi<ByteBuffer> meta;
  final Dbi<ByteBuffer> payloads;
  private final String origin;
  private final LogMode mode;
  private final ReadWriteLock resizeLock = new ReentrantReadWriteLock();
  // Written only under the write transaction (one writer at a time).
  private final ByteBuffer writeKey = Keys.allocate();
  private final ByteBuffer writeSize = ByteBuffer.allocateDirect(Long.BYTES);
  private long mapSize;
  // Nanoseconds of each durable commit (LMDB writes its pages and fsyncs in mdb_txn_commit).
  private volatile LongConsumer commitNanos = n -> {};

  private LmdbLogStorage(Env<ByteBuffer> env, long mapSize, String origin, LogMode mode) {
    this.env = env;
    this.mapSize = mapSize;
    // A read-only environment cannot create databases: there every one must already exist.
    DbiFlags[] create = env.isReadOnly() ? new DbiFlags[0] : new DbiFlags[] {DbiFlags.MDB_CREATE};
    this.bundles = env.openDbi("bundles", create);
    this.chains = env.openDbi("chains", create);
    this.tiles = env.openDbi("tiles", create);
    this.meta = env.openDbi("meta", create);
    this.payloads = env.openDbi("payloads", create);
    this.origin = initMeta(origin, mode);
    this.mode = readMode(mode);
  }

  /**
   * Whether {@code dir} already holds a log (its LMDB data file exists, even if empty): then the
   * log's key must already exist too.
   */
  public static boolean exists(Path dir) {
    return Files.exists(dir.resolve("data.mdb"));
  }

  /** Opens (creating if needed) an {@link LogMode#OPAQUE} log in {@code dir}. */
  public static LmdbLogStorage open(Path dir, String origin, long initialMapSize) {
    return open(dir, origin, LogMode.OPAQUE, initialMapSize);
  }

  /**
   * Opens (creating if needed) the log in {@code dir}. A new log records {@code origin}, {@code
   * mode} (null means {@link LogMode#LEDGER}) and the format version; an existing log must match
   * the format, the origin when given, and the mode when given, else {@link StorageException}. A
   * log created before modes were recorded is {@link LogMode#OPAQUE}.
   */
  public static LmdbLogStorage open(Path dir, String origin, LogMode mode, long initialMapSize) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
    try {
      Env<ByteBuffer> env =
          Env.create()
              .setMapSize(initialMapSize)
              .setMaxDbs(8)
              .setMaxReaders(1024)
              .open(dir.toFile(), EnvFlags.MDB_NOTLS);
      long actual = Math.max(initialMapSize, env.info().mapSize);
      try {
        return new LmdbLogStorage(env, actual, origin, mode);
      } catch (RuntimeException e) {
        env.close();
        throw e;
      }
    } catch (LmdbException e) {
      throw new StorageException(
          "cannot open LMDB environment in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the log in {@code dir} read-only, for a copy nothing else uses (a backup being checked):
   * without LMDB's lock file ({@code MDB_NOLOCK}), so nothing in {@code dir} is created or written.
   * {@link #append} and {@link #putCosignedCheckpoint} then fail with {@link StorageException}.
   */
  public static LmdbLogStorage openReadOnly(Path dir) {
    if (!exists(dir)) {
      throw new StorageException("no log in " + dir + " (no data.mdb)");
    }
    try {
      // LMDB maps at least the committed data of a read-only environment, whatever is asked here.
      Env<ByteBuffer> env =
          Env.create()
              .setMaxDbs(8)
              .open(dir.toFile(), EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOLOCK, EnvFlags.MDB_NOTLS);
      try {
        return new LmdbLogStorage(env, env.info().mapSize, null, null);
      } catch (RuntimeException e) {
        env.close();
        throw e;
      }
    } catch (LmdbException e) {
      throw new StorageException(
          "cannot open LMDB environment in " + dir + " read-only: " + e.getMessage(), e);
    }
  }

  private String initMeta(String wantOrigin, LogMode wantMode) {
    try (Txn<ByteBuffer> txn = env.isReadOnly() ? env.txnRead() : env.txnWrite()) {
      ByteBuffer format = meta.get(txn, META_FORMAT);
      if (format == null && env.isReadOnly()) {
        throw new StorageException("no tlog log in this LMDB environment (no meta/format)");
      }
      if (format == null) {
        put(txn, meta, META_FORMAT, FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
        put(txn, meta, META_ORIGIN, wantOrigin.getBytes(StandardCharsets.UTF_8));
        LogMode m = wantMode == null ? LogMode.LEDGER : wantMode;
        put(txn, meta, META_MODE, m.label().getBytes(StandardCharsets.UTF_8));
        put(txn, meta, META_SIZE, new byte[Long.BYTES]);
        txn.commit();
        return wantOrigin;
      }
      String got = new String(Keys.bytes(format), StandardCharsets.UTF_8);
      if (!FORMAT_VERSION.equals(got)) {
        throw new StorageException(
            "data directory has storage format "
                + got
                + ", this server reads "
                + FORMAT_VERSION
                + " (spec/storage.md: there is no in-place upgrade)");
      }
      String stored = new String(Keys.bytes(meta.get(txn, META_ORIGIN)), StandardCharsets.UTF_8);
      if (wantOrigin != null && !wantOrigin.equals(stored)) {
        throw new StorageException(
            "data directory belongs to origin \""
                + stored
                + "\", but the server is configured for \""
                + wantOrigin
                + "\"");
      }
      return stored;
    }
  }

  private LogMode readMode(LogMode wantMode) {
    LogMode stored;
    try (Txn<ByteBuffer> txn = env.txnRead()) {
      ByteBuffer v = meta.get(txn, META_MODE);
      stored =
          v == null
              ? LogMode.OPAQUE
              : LogMode.valueOf(
                  new String(Keys.bytes(v), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT));
    }
    if (wantMode != null && wantMode != stored) {
      throw new StorageException(
          "data directory holds a "
              + stored.label()
              + " log, but the server is configured for mode "
              + wantMode.label()
              + " (a log's mode is fixed when it is created)");
    }
    return stored;
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public LogMode mode() {
    return mode;
  }

  @Override
  public LogReader reader() {
    resizeLock.readLock().lock();
    Txn<ByteBuffer> txn;
    try {
      txn = env.txnRead();
    } catch (RuntimeException e) {
      resizeLock.readLock().unlock();
      throw new StorageException("cannot open read transaction: " + e.getMessage(), e);
    }
    try {
      return new LmdbLogReader(this, txn, resizeLock.readLock()::unlock);
    } catch (RuntimeException e) {
      // The transaction is open but meta/size cannot be read or parsed: the pages are damaged.
      txn.close();
      resizeLock.readLock().unlock();
      throw new CorruptStorageException("meta/size is damaged: " + e);
    }
  }

  @Override
  public void append(BatchWrite batch) {
    write(
        txn -> {
          long size = Keys.readLong(meta.get(txn, META_SIZE));
          if (meta.get(txn, META_CLOSED) != null) {
            throw new StorageException(
                "the log is closed at size " + size + "; nothing is appended");
          }
          if (batch.firstIndex() != size) {
            throw new StorageException(
                "batch starts at " + batch.firstIndex() + " but the stored size is " + size);
          }
          for (BatchWrite.BundleWrite b : batch.bundles()) {
            put(txn, bundles, Keys.index(writeKey, b.index()), b.body());
            put(txn, chains, Keys.index(writeKey, b.index()), b.chainHashes());
          }
          for (BatchWrite.TileWrite t : batch.tiles()) {
            put(txn, tiles, Keys.tile(writeKey, t.level(), t.index()), t.stratum());
          }
          for (BatchWrite.PayloadWrite p : batch.payloads()) {
            put(txn, payloads, Keys.index(writeKey, p.index()), p.record());
          }
          put(txn, meta, META_CHECKPOINT, batch.signedCheckpoint());
          writeSize.clear();
          writeSize.putLong(batch.endIndex()).flip();
          meta.put(txn, META_SIZE, writeSize);
        });
  }

  @Override
  public void putCosignedCheckpoint(long size, byte[] signedNote) {
    write(
        txn -> {
          long stored = Keys.readLong(meta.get(txn, META_SIZE));
          if (size > stored) {
            throw new StorageException(
                "refusing cosigned checkpoint for size " + size + " beyond stored size " + stored);
          }
          ByteBuffer v = meta.reserve(txn, META_COSIGNED, Long.BYTES + signedNote.length);
          v.putLong(size).put(signedNote);
        });
  }

  @Override
  public OptionalLong closedAt() {
    try (Txn<ByteBuffer> txn = env.txnRead()) {
      ByteBuffer v = meta.get(txn, META_CLOSED);
      return v == null ? OptionalLong.empty() : OptionalLong.of(closedSize(v));
    }
  }

  /**
   * Closes the log for appends at its stored size, durably and for good; returns that size. A log
   * already closed keeps the size it was closed at. Call only while nothing appends.
   */
  public long markClosed() {
    long[] closed = new long[1];
    write(
        txn -> {
          ByteBuffer existing = meta.get(txn, META_CLOSED);
          if (existing != null) {
            closed[0] = closedSize(existing);
            return;
          }
          long size = Keys.readLong(meta.get(txn, META_SIZE));
          ByteBuffer v = meta.reserve(txn, META_CLOSED, Long.BYTES);
          v.putLong(size);
          closed[0] = size;
        });
    return closed[0];
  }

  private static long closedSize(ByteBuffer value) {
    try {
      return Keys.readLong(value);
    } catch (IllegalArgumentException e) {
      throw new CorruptStorageException("meta/closed is damaged: " + e.getMessage());
    }
  }

  /** Copies {@code value} into space LMDB reserves for it: no buffer of ours is read later. */
  private static void put(Txn<ByteBuffer> txn, Dbi<ByteBuffer> db, ByteBuffer key, byte[] value) {
    db.reserve(txn, key, value.length).put(value);
  }

  /** Runs {@code body} in one write transaction and commits durably, growing the map if full. */
  private void write(Consumer<Txn<ByteBuffer>> body) {
    while (true) {
      // Writers hold the read side of the resize lock too: the map is never resized under an open
      // transaction of this process.
      resizeLock.readLock().lock();
      try (Txn<ByteBuffer> txn = env.txnWrite()) {
        body.accept(txn);
        long start = System.nanoTime();
        txn.commit();
        commitNanos.accept(System.nanoTime() - start);
        return;
      } catch (Env.MapFullException e) {
        // fall through to grow, outside the lock
      } catch (LmdbNativeException e) {
        if (isDiskFull(e.getResultCode())) {
          throw new StorageFullException(
              "disk full: the log's data directory has no space left for this commit ("
                  + e.getMessage()
                  + "); nothing of it was written, and appends succeed again once space is freed",
              e);
        }
        throw new StorageException("LMDB write failed: " + e.getMessage(), e);
      } catch (LmdbException e) {
        throw new StorageException("LMDB write failed: " + e.getMessage(), e);
      } finally {
        resizeLock.readLock().unlock();
      }
      grow();
    }
  }

  private void grow() {
    resizeLock.writeLock().lock();
    try {
      mapSize = Math.multiplyExact(mapSize, 2);
      env.setMapSize(mapSize);
    } catch (LmdbException | ArithmeticException e) {
      throw new StorageFullException(
          "LMDB map is full and cannot grow to "
              + mapSize
              + " bytes ("
              + e.getMessage()
              + "); restart with a larger --map-size-mib",
          e);
    } finally {
      resizeLock.writeLock().unlock();
    }
  }

  /** ENOSPC and EDQUOT (Linux numbering, which is what LMDB returns there). */
  private static boolean isDiskFull(int errno) {
    return errno == ENOSPC || errno == EDQUOT;
  }

  /** The environment, for this package's tests. */
  Env<ByteBuffer> env() {
    return env;
  }

  /** Whether the environment is still open (readiness). */
  public boolean isOpen() {
    return !env.isClosed();
  }

  /** Current map size in bytes (grows on demand). */
  public long mapSize() {
    return mapSize;
  }

  /**
   * Bytes of the map in use: pages up to the last one written, times the page size. Read without a
   * transaction, so it may trail a commit in progress.
   */
  public long usedBytes() {
    resizeLock.readLock().lock();
    try {
      return (env.info().lastPageNumber + 1) * env.stat().pageSize;
    } finally {
      resizeLock.readLock().unlock();
    }
  }

  /**
   * Receives the nanoseconds of every durable commit from now on (the metrics' fsync timer); call
   * once, while wiring.
   */
  public void observeCommits(LongConsumer nanos) {
    this.commitNanos = nanos;
  }

  @Override
  public void close() {
    resizeLock.writeLock().lock();
    try {
      env.close();
    } finally {
      resizeLock.writeLock().unlock();
    }
  }
}
