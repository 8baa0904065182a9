package dev.tlog.mirror.store;

import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * The mirror's state in one LMDB environment (format {@value #FORMAT_VERSION}). Databases: {@code
 * objects} (a 9-byte key: the tile level, or 255 for an entry bundle, then the big-endian index →
 * the widest body stored for that position) and {@code meta} ({@code format}, {@code checkpoint}:
 * the served note, {@code fork.mirrored}, {@code fork.upstream}, {@code fork.reason}).
 *
 * <p>An object is only ever served up to the width the served checkpoint gives it, so bodies
 * written by {@link #stage} ahead of a checkpoint stay invisible until {@link #commit} moves the
 * checkpoint over them (spec/mirror.md, "Catching up").
 *
 * <p>Durability: opened without MDB_NOSYNC/MDB_NOMETASYNC, so a commit is fsynced when it returns.
 */
public final class MirrorStore implements AutoCloseable {
  /** Bumped whenever the on-disk layout changes incompatibly. */
  public static final String FORMAT_VERSION = "tlog-mirror-lmdb/1";

  private static final long INITIAL_MAP_SIZE = 1L << 30;
  private static final byte ENTRIES = (byte) 0xff;
  private static final byte[] FORMAT = utf8("format");
  private static final byte[] CHECKPOINT = utf8("checkpoint");
  private static final byte[] FORK_MIRRORED = utf8("fork.mirrored");
  private static final byte[] FORK_UPSTREAM = utf8("fork.upstream");
  private static final byte[] FORK_REASON = utf8("fork.reason");

  private final Env<byte[]> env;
  private final Dbi<byte[]> objects;
  private final Dbi<byte[]> meta;
  private final ReadWriteLock resize = new ReentrantReadWriteLock();

  private MirrorStore(Env<byte[]> env) {
    this.env = env;
    this.objects = env.openDbi("objects", DbiFlags.MDB_CREATE);
    this.meta = env.openDbi("meta", DbiFlags.MDB_CREATE);
    checkFormat();
  }

  /** Opens (creating if needed) the state in {@code dir}, with a 1 GiB map to start with. */
  public static MirrorStore open(Path dir) {
    return open(dir, INITIAL_MAP_SIZE);
  }

  /**
   * As {@link #open(Path)} with a map of {@code mapSize} bytes to start with; it grows when full.
   */
  public static MirrorStore open(Path dir, long mapSize) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
    Env<byte[]> env;
    try {
      env =
          Env.create(ByteArrayProxy.PROXY_BA)
              .setMapSize(mapSize)
              .setMaxDbs(4)
              .setMaxReaders(256)
              .open(dir.toFile(), EnvFlags.MDB_NOTLS);
    } catch (LmdbException e) {
      throw new StoreException("cannot open LMDB in " + dir + ": " + e.getMessage(), e);
    }
    try {
      return new MirrorStore(env);
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private void checkFormat() {
    try (Txn<byte[]> txn = env.txnWrite()) {
      byte[] format = meta.get(txn, FORMAT);
      if (format == null) {
        meta.put(txn, FORMAT, utf8(FORMAT_VERSION));
        txn.commit();
        return;
      }
      String got = new String(format, StandardCharsets.UTF_8);
      if (!got.equals(FORMAT_VERSION)) {
        throw new StoreException(
            "state has format " + got + ", this mirror reads " + FORMAT_VERSION);
      }
    }
  }

  /** The served checkpoint note, or empty before the first commit. */
  public Optional<byte[]> servedNote() {
    return readMeta(CHECKPOINT);
  }

  /** The widest body stored at {@code ref}'s position (any width), or empty. */
  public Optional<byte[]> object(TileRef ref) {
    resize.readLock().lock();
    try (Txn<byte[]> txn = env.txnRead()) {
      return Optional.ofNullable(objects.get(txn, key(ref)));
    } catch (LmdbException e) {
      throw new StoreException("cannot read " + ref + ": " + e.getMessage(), e);
    } finally {
      resize.readLock().unlock();
    }
  }

  /** Writes verified objects ahead of the checkpoint that will cover them; durable on return. */
  public void stage(Map<? extends TileRef, byte[]> bodies) {
    write(bodies, null);
  }

  /** Writes {@code bodies} and makes {@code note} the served checkpoint, in one transaction. */
  public void commit(Map<? extends TileRef, byte[]> bodies, byte[] note) {
    write(bodies, note);
  }

  /** Records proven fork evidence; from then on {@link #fork} returns it, across restarts. */
  public void recordFork(ForkEvidence evidence) {
    resize.readLock().lock();
    try (Txn<byte[]> txn = env.txnWrite()) {
      meta.put(txn, FORK_MIRRORED, utf8(evidence.mirrored()));
      meta.put(txn, FORK_UPSTREAM, utf8(evidence.upstream()));
      meta.put(txn, FORK_REASON, utf8(evidence.reason()));
      txn.commit();
    } catch (LmdbException e) {
      throw new StoreException("cannot record fork evidence: " + e.getMessage(), e);
    } finally {
      resize.readLock().unlock();
    }
  }

  /** The recorded fork evidence, or empty while the log has not been caught forking. */
  public Optional<ForkEvidence> fork() {
    Optional<byte[]> reason = readMeta(FORK_REASON);
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    byte[] mirrored = readMeta(FORK_MIRRORED).orElseThrow(() -> corrupt("fork.mirrored"));
    byte[] upstream = readMeta(FORK_UPSTREAM).orElseThrow(() -> corrupt("fork.upstream"));
    return Optional.of(
        new ForkEvidence(
            new String(mirrored, StandardCharsets.UTF_8),
            new String(upstream, StandardCharsets.UTF_8),
            new String(reason.get(), StandardCharsets.UTF_8)));
  }

  private void write(Map<? extends TileRef, byte[]> bodies, byte[] note) {
    while (true) {
      // Every transaction holds the read side of the resize lock: LMDB must not resize the map
      // under an open transaction of this process.
      resize.readLock().lock();
      try (Txn<byte[]> txn = env.txnWrite()) {
        for (Map.Entry<? extends TileRef, byte[]> e : bodies.entrySet()) {
          objects.put(txn, key(e.getKey()), e.getValue());
        }
        if (note != null) {
          meta.put(txn, CHECKPOINT, note);
        }
        txn.commit();
        return;
      } catch (Env.MapFullException e) {
        // the aborted transaction left nothing behind: grow, outside the read lock, and redo it
      } catch (LmdbException e) {
        throw new StoreException("cannot write to LMDB: " + e.getMessage(), e);
      } finally {
        resize.readLock().unlock();
      }
      grow();
    }
  }

  private void grow() {
    resize.writeLock().lock();
    try {
      env.setMapSize(Math.multiplyExact(env.info().mapSize, 2L));
    } catch (LmdbException | ArithmeticException e) {
      throw new StoreException("LMDB map is full and cannot grow: " + e.getMessage(), e);
    } finally {
      resize.writeLock().unlock();
    }
  }

  private Optional<byte[]> readMeta(byte[] key) {
    resize.readLock().lock();
    try (Txn<byte[]> txn = env.txnRead()) {
      return Optional.ofNullable(meta.get(txn, key));
    } catch (LmdbException e) {
      throw new StoreException("cannot read LMDB metadata: " + e.getMessage(), e);
    } finally {
      resize.readLock().unlock();
    }
  }

  private static StoreException corrupt(String what) {
    return new StoreException("fork evidence is incomplete: " + what + " is missing");
  }

  private static byte[] key(TileRef ref) {
    byte kind = ref instanceof TileId t ? (byte) t.level() : ENTRIES;
    return ByteBuffer.allocate(9).put(kind).putLong(ref.index()).array();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the environment is still open (the readiness check). */
  public boolean isOpen() {
    return !env.isClosed();
  }

  @Override
  public void close() {
    env.close();
  }
}
