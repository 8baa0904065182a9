package dev.tlog.server.storage.lmdb;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.storage.BatchWrite;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/**
 * {@link LogStorage} on one LMDB environment. Databases: {@code entries} (index → bytes), {@code
 * leaves} (leaf hash → index, for dedup and lookup by hash), {@code nodes} (level, index → hash of
 * every complete subtree, level 0 = leaf hashes), {@code chain} (index → C[index]), {@code
 * checkpoints} (size → signed note), {@code meta} (format version, origin, size, and the latest
 * cosigned checkpoint as size ‖ note).
 *
 * <p>Durability: the environment is opened without MDB_NOSYNC/MDB_NOMETASYNC, so every commit is
 * fsynced before it returns. When the map is full the write transaction is aborted, the map is
 * doubled and the whole batch retried; a resize waits for open readers to close.
 */
public final class LmdbLogStorage implements LogStorage {
  /** Bumped whenever the on-disk layout changes incompatibly. */
  public static final String FORMAT_VERSION = "tlog-lmdb/1";

  static final String DB_ENTRIES = "entries";
  static final String DB_LEAVES = "leaves";
  static final String DB_NODES = "nodes";
  static final String DB_CHAIN = "chain";
  static final String DB_CHECKPOINTS = "checkpoints";
  static final String DB_META = "meta";
  static final byte[] META_FORMAT = utf8("format");
  static final byte[] META_ORIGIN = utf8("origin");
  static final byte[] META_SIZE = utf8("size");
  static final byte[] META_COSIGNED = utf8("cosigned");

  private final Env<byte[]> env;
  final Dbi<byte[]> entries;
  final Dbi<byte[]> leaves;
  final Dbi<byte[]> nodes;
  final Dbi<byte[]> chain;
  final Dbi<byte[]> checkpoints;
  final Dbi<byte[]> meta;
  private final String origin;
  private final ReadWriteLock resizeLock = new ReentrantReadWriteLock();
  private long mapSize;

  private LmdbLogStorage(Env<byte[]> env, long mapSize, String origin) {
    this.env = env;
    this.mapSize = mapSize;
    this.entries = env.openDbi(DB_ENTRIES, DbiFlags.MDB_CREATE);
    this.leaves = env.openDbi(DB_LEAVES, DbiFlags.MDB_CREATE);
    this.nodes = env.openDbi(DB_NODES, DbiFlags.MDB_CREATE);
    this.chain = env.openDbi(DB_CHAIN, DbiFlags.MDB_CREATE);
    this.checkpoints = env.openDbi(DB_CHECKPOINTS, DbiFlags.MDB_CREATE);
    this.meta = env.openDbi(DB_META, DbiFlags.MDB_CREATE);
    this.origin = initMeta(origin);
  }

  /**
   * Opens (creating if needed) the log in {@code dir}. A new log records {@code origin} and the
   * format version; an existing log must match both, else {@link StorageException}.
   */
  public static LmdbLogStorage open(Path dir, String origin, long initialMapSize) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
    try {
      Env<byte[]> env =
          Env.create(ByteArrayProxy.PROXY_BA)
              .setMapSize(initialMapSize)
              .setMaxDbs(8)
              .setMaxReaders(1024)
              .open(dir.toFile(), EnvFlags.MDB_NOTLS);
      long actual = Math.max(initialMapSize, env.info().mapSize);
      try {
        return new LmdbLogStorage(env, actual, origin);
      } catch (RuntimeException e) {
        env.close();
        throw e;
      }
    } catch (LmdbException e) {
      throw new StorageException(
          "cannot open LMDB environment in " + dir + ": " + e.getMessage(), e);
    }
  }

  private String initMeta(String wantOrigin) {
    try (Txn<byte[]> txn = env.txnWrite()) {
      byte[] format = meta.get(txn, META_FORMAT);
      byte[] storedOrigin = meta.get(txn, META_ORIGIN);
      if (format == null) {
        meta.put(txn, META_FORMAT, utf8(FORMAT_VERSION));
        meta.put(txn, META_ORIGIN, utf8(wantOrigin));
        meta.put(txn, META_SIZE, Keys.index(0));
        txn.commit();
        return wantOrigin;
      }
      String got = new String(format, StandardCharsets.UTF_8);
      if (!FORMAT_VERSION.equals(got)) {
        throw new StorageException(
            "data directory has storage format " + got + ", this server reads " + FORMAT_VERSION);
      }
      String stored = new String(storedOrigin, StandardCharsets.UTF_8);
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

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public LogReader reader() {
    resizeLock.readLock().lock();
    try {
      return new LmdbLogReader(this, env.txnRead(), resizeLock.readLock()::unlock);
    } catch (RuntimeException e) {
      resizeLock.readLock().unlock();
      throw new StorageException("cannot open read transaction: " + e.getMessage(), e);
    }
  }

  @Override
  public void append(BatchWrite batch) {
    write(
        txn -> {
          long size = Keys.index(meta.get(txn, META_SIZE));
          if (batch.firstIndex() != size) {
            throw new StorageException(
                "batch starts at " + batch.firstIndex() + " but the stored size is " + size);
          }
          for (int i = 0; i < batch.entries().size(); i++) {
            long index = batch.firstIndex() + i;
            byte[] key = Keys.index(index);
            entries.put(txn, key, batch.entries().get(i), PutFlags.MDB_APPEND);
            chain.put(txn, key, batch.chainHashes().get(i).bytes(), PutFlags.MDB_APPEND);
            leaves.put(txn, batch.leafHashes().get(i).bytes(), key, PutFlags.MDB_NOOVERWRITE);
          }
          for (Map.Entry<NodeId, Hash> node : batch.nodes().entrySet()) {
            nodes.put(txn, Keys.node(node.getKey()), node.getValue().bytes());
          }
          meta.put(txn, META_SIZE, Keys.index(batch.endIndex()));
        });
  }

  @Override
  public void putCheckpoint(long size, byte[] signedNote) {
    write(
        txn -> {
          long stored = Keys.index(meta.get(txn, META_SIZE));
          if (size > stored) {
            throw new StorageException(
                "refusing checkpoint for size " + size + " beyond stored size " + stored);
          }
          checkpoints.put(txn, Keys.index(size), signedNote);
        });
  }

  @Override
  public void putCosignedCheckpoint(long size, byte[] signedNote) {
    write(
        txn -> {
          long stored = Keys.index(meta.get(txn, META_SIZE));
          if (size > stored) {
            throw new StorageException(
                "refusing cosigned checkpoint for size " + size + " beyond stored size " + stored);
          }
          byte[] value = new byte[Long.BYTES + signedNote.length];
          System.arraycopy(Keys.index(size), 0, value, 0, Long.BYTES);
          System.arraycopy(signedNote, 0, value, Long.BYTES, signedNote.length);
          meta.put(txn, META_COSIGNED, value);
        });
  }

  /** Runs {@code body} in one write transaction and commits durably, growing the map if full. */
  private void write(Consumer<Txn<byte[]>> body) {
    while (true) {
      // Writers hold the read side of the resize lock too: the map is never resized under an open
      // transaction of this process.
      resizeLock.readLock().lock();
      try (Txn<byte[]> txn = env.txnWrite()) {
        body.accept(txn);
        txn.commit();
        return;
      } catch (Env.MapFullException e) {
        // fall through to grow, outside the lock
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
      throw new StorageException("cannot grow LMDB map to " + mapSize + " bytes", e);
    } finally {
      resizeLock.writeLock().unlock();
    }
  }

  /** The environment, for this package's tests. */
  Env<byte[]> env() {
    return env;
  }

  /** Current map size in bytes (grows on demand). */
  public long mapSize() {
    return mapSize;
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

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
