package dev.tlog.witness.state.lmdb;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Note;
import dev.tlog.witness.errors.OldSizeMismatchException;
import dev.tlog.witness.errors.StateException;
import dev.tlog.witness.state.StoredCheckpoint;
import dev.tlog.witness.state.WitnessState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * {@link WitnessState} in one LMDB environment (format {@value #FORMAT_VERSION}). Databases: {@code
 * checkpoints} (SHA-256 of the UTF-8 origin → the stored note's bytes; hashed because LMDB keys are
 * limited to 511 bytes and origins are not) and {@code meta} ({@code format}).
 *
 * <p>Durability: the environment is opened without MDB_NOSYNC/MDB_NOMETASYNC, so a commit has been
 * fsynced when it returns. {@link #compareAndSet} reads and writes in one write transaction; LMDB
 * allows one write transaction at a time, so two racing calls are serialized and the loser sees the
 * winner's size.
 */
public final class LmdbWitnessState implements WitnessState {
  /** Bumped whenever the on-disk layout changes incompatibly. */
  public static final String FORMAT_VERSION = "tlog-witness-lmdb/1";

  private static final long MAP_SIZE = 256L * 1024 * 1024;
  private static final byte[] META_FORMAT = "format".getBytes(StandardCharsets.UTF_8);

  private final Env<byte[]> env;
  private final Dbi<byte[]> checkpoints;
  private final Dbi<byte[]> meta;

  private LmdbWitnessState(Env<byte[]> env) {
    this.env = env;
    this.checkpoints = env.openDbi("checkpoints", DbiFlags.MDB_CREATE);
    this.meta = env.openDbi("meta", DbiFlags.MDB_CREATE);
    checkFormat();
  }

  /** Whether {@code dir} already holds witness state (its LMDB data file exists). */
  public static boolean exists(Path dir) {
    return Files.exists(dir.resolve("data.mdb"));
  }

  /** Opens (creating if needed) the state in {@code dir}. */
  public static LmdbWitnessState open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StateException("cannot create state directory " + dir + ": " + e.getMessage(), e);
    }
    Env<byte[]> env;
    try {
      env =
          Env.create(ByteArrayProxy.PROXY_BA)
              .setMapSize(MAP_SIZE)
              .setMaxDbs(4)
              .setMaxReaders(256)
              .open(dir.toFile(), EnvFlags.MDB_NOTLS);
    } catch (LmdbException e) {
      throw new StateException("cannot open LMDB in " + dir + ": " + e.getMessage(), e);
    }
    try {
      return new LmdbWitnessState(env);
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private void checkFormat() {
    try (Txn<byte[]> txn = env.txnWrite()) {
      byte[] format = meta.get(txn, META_FORMAT);
      if (format == null) {
        meta.put(txn, META_FORMAT, FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
        txn.commit();
        return;
      }
      String got = new String(format, StandardCharsets.UTF_8);
      if (!got.equals(FORMAT_VERSION)) {
        throw new StateException(
            "state has format " + got + ", this witness reads " + FORMAT_VERSION);
      }
    }
  }

  @Override
  public Optional<StoredCheckpoint> latest(String origin) {
    try (Txn<byte[]> txn = env.txnRead()) {
      return read(txn, origin);
    } catch (LmdbException e) {
      throw new StateException("cannot read state for \"" + origin + "\": " + e.getMessage(), e);
    }
  }

  @Override
  public void compareAndSet(String origin, long expectedSize, StoredCheckpoint next) {
    if (!next.checkpoint().origin().equals(origin)) {
      throw new IllegalArgumentException(
          "checkpoint is for \"" + next.checkpoint().origin() + "\", not \"" + origin + "\"");
    }
    try (Txn<byte[]> txn = env.txnWrite()) {
      long current = read(txn, origin).map(StoredCheckpoint::size).orElse(0L);
      if (current != expectedSize) {
        throw new OldSizeMismatchException(origin, expectedSize, current);
      }
      checkpoints.put(txn, key(origin), next.note().toBytes());
      txn.commit();
    } catch (LmdbException e) {
      throw new StateException("cannot write state for \"" + origin + "\": " + e.getMessage(), e);
    }
  }

  private Optional<StoredCheckpoint> read(Txn<byte[]> txn, String origin) {
    byte[] bytes = checkpoints.get(txn, key(origin));
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(StoredCheckpoint.of(Note.parse(bytes)));
    } catch (MerkleException e) {
      throw new StateException("stored checkpoint for \"" + origin + "\" is corrupt", e);
    }
  }

  private static byte[] key(String origin) {
    return TreeHasher.sha256().digest(origin.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean isOpen() {
    return !env.isClosed();
  }

  @Override
  public void close() {
    env.close();
  }
}
