package dev.tlog.server.startup;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import dev.tlog.server.storage.StoredCheckpoint;
import dev.tlog.server.storage.TileStratum;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Checks at startup that the stored entries, tiles, chain and signed checkpoint agree. The
 * checkpoint is written in the same transaction as the batch it covers, so it must be for exactly
 * the stored size; anything else is a {@link StateMismatchException} naming what disagrees, and the
 * server must not serve then.
 *
 * <p>{@link Mode#FULL} re-derives every stored hash from the entries, one task per run of {@value
 * #CHUNK_BUNDLES} bundles on every core, each a sequential scan in its own read transaction, and
 * reports how far it got ({@link Progress}, to the sink it was given).
 */
public final class StartupVerifier {
  /** Bundles of 256 entries one verification task re-derives. */
  static final int CHUNK_BUNDLES = 64;

  /** How much of the stored log to re-derive from the entries. */
  public enum Mode {
    /** Re-hash every entry and re-derive every stored tile and chain hash: O(size). */
    FULL,
    /** Re-derive only the last {@value #TAIL_ENTRIES} entries; check the root from stored tiles. */
    TAIL
  }

  /** What a {@link Progress} line of the {@link Mode#FULL} walk starts with. */
  public static final String PROGRESS = "verifying storage";

  /** Entries re-derived in {@link Mode#TAIL}. */
  public static final int TAIL_ENTRIES = 4096;

  private final LogStorage storage;
  private final CheckpointSigner signer;
  private final NoteVerifier logKey;
  private final int threads;
  private final Consumer<String> progress;
  private final long progressStep;

  public StartupVerifier(LogStorage storage, CheckpointSigner signer, NoteVerifier logKey) {
    this(storage, signer, logKey, line -> {});
  }

  /** A verifier whose {@link Mode#FULL} walk reports its {@link Progress} to {@code progress}. */
  public StartupVerifier(
      LogStorage storage, CheckpointSigner signer, NoteVerifier logKey, Consumer<String> progress) {
    this(
        storage,
        signer,
        logKey,
        Runtime.getRuntime().availableProcessors(),
        progress,
        Progress.DEFAULT_STEP);
  }

  public StartupVerifier(
      LogStorage storage, CheckpointSigner signer, NoteVerifier logKey, int threads) {
    this(storage, signer, logKey, threads, line -> {}, Progress.DEFAULT_STEP);
  }

  /** The full form: a progress line at least every {@code progressStep} entries. */
  public StartupVerifier(
      LogStorage storage,
      CheckpointSigner signer,
      NoteVerifier logKey,
      int threads,
      Consumer<String> progress,
      long progressStep) {
    this.storage = storage;
    this.signer = signer;
    this.logKey = logKey;
    this.threads = Math.max(1, threads);
    this.progress = progress;
    this.progressStep = progressStep;
  }

  /** Verifies the stored state and returns the checkpoint to publish for the stored size. */
  public SignedCheckpoint verify(Mode mode) {
    long size;
    Optional<StoredCheckpoint> stored;
    try (LogReader r = storage.reader()) {
      size = r.size();
      stored = r.latestCheckpoint();
    }
    long from = mode == Mode.FULL ? 0 : Math.max(0, size - TAIL_ENTRIES);
    // The tail is a moment's work at every start: only the whole walk is worth reporting.
    rederive(
        from,
        size,
        mode == Mode.FULL
            ? new Progress(PROGRESS, size, progressStep, Progress.DEFAULT_INTERVAL, progress)
            : Progress.silent(size - from));
    try (LogReader r = storage.reader()) {
      if (stored.isEmpty()) {
        if (size != 0) {
          throw new StateMismatchException(size + " entries are stored without a checkpoint");
        }
        return signer.sign(0, TreeHasher.emptyRoot(), Hash.ZERO);
      }
      return checkStored(r, stored.get(), size);
    } catch (MerkleException e) {
      throw new StateMismatchException("stored log is inconsistent: " + e.getMessage(), e);
    }
  }

  /** Re-derives bundles, level-0 tiles and chain hashes for entries [from, size), in parallel. */
  private void rederive(long from, long size, Progress done) {
    long firstBundle = from >>> TileMath.HEIGHT;
    long endBundle = (size + TileMath.FULL_WIDTH - 1) >>> TileMath.HEIGHT;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "tlog-verify");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (long b = firstBundle; b < endBundle; b += CHUNK_BUNDLES) {
        long start = b;
        long end = Math.min(endBundle, b + CHUNK_BUNDLES);
        tasks.add(pool.submit(() -> rederiveBundles(start, end, done)));
      }
      for (int level = 1; level <= TileMath.MAX_USED_LEVEL; level++) {
        int l = level;
        tasks.add(pool.submit(() -> checkUpperTiles(l, from)));
      }
      for (Future<?> t : tasks) {
        t.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new StateMismatchException("verification failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateMismatchException("interrupted while verifying storage", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private void rederiveBundles(long startBundle, long endBundle, Progress done) {
    try (LogReader r = storage.reader()) {
      long size = r.size();
      for (long b = startBundle; b < endBundle; b++) {
        long start = b << TileMath.HEIGHT;
        long end = Math.min(size, start + TileMath.FULL_WIDTH);
        List<byte[]> entries = r.entries(start, end);
        List<Hash> chain = r.chainHashes(start, end);
        Hash head = start == 0 ? Hash.ZERO : r.chainHash(start - 1);
        byte[] base = new byte[entries.size() * Hash.SIZE];
        // One read: the stored tile's row 0 holds the leaf hashes, the rest is checked below.
        byte[] stored = r.tileStratum(0, b);
        for (int i = 0; i < entries.size(); i++) {
          Hash leaf = TreeHasher.leafHash(entries.get(i));
          Hash storedLeaf = Hash.of(stored, i * Hash.SIZE);
          if (!leaf.equals(storedLeaf)) {
            throw new StateMismatchException(
                "entry "
                    + (start + i)
                    + " hashes to "
                    + leaf
                    + ", but its level-0 tile stores leaf hash "
                    + storedLeaf);
          }
          leaf.copyTo(base, i * Hash.SIZE);
          head = HashChain.next(head, leaf);
          if (!head.equals(chain.get(i))) {
            throw new StateMismatchException(
                "chain hash "
                    + (start + i)
                    + " disagrees: recomputed "
                    + head
                    + ", stored "
                    + chain.get(i));
          }
        }
        checkTile(0, b, base, stored);
        done.advance(entries.size());
      }
    }
  }

  /** Re-derives the tiles of {@code level} covering entries from {@code from} on from below. */
  private void checkUpperTiles(int level, long from) {
    try (LogReader r = storage.reader()) {
      long size = r.size();
      long row = size >>> (TileMath.HEIGHT * level);
      if (row == 0) {
        return;
      }
      long first = (from >>> (TileMath.HEIGHT * level)) >>> TileMath.HEIGHT;
      for (long t = first; t << TileMath.HEIGHT < row; t++) {
        int width = TileMath.widthAt(level, t, size);
        byte[] base = new byte[width * Hash.SIZE];
        for (int i = 0; i < width; i++) {
          // A node of this tile's base row is the top of a full tile one level down.
          byte[] below = r.tileStratum(level - 1, (t << TileMath.HEIGHT) + i);
          TileStratum.top(below).copyTo(base, i * Hash.SIZE);
        }
        checkTile(level, t, base, r.tileStratum(level, t));
      }
    }
  }

  private SignedCheckpoint checkStored(LogReader r, StoredCheckpoint stored, long size) {
    Checkpoint cp;
    try {
      cp = Checkpoints.openSigned(stored.signedNote(), signer.origin(), List.of(logKey));
    } catch (MerkleException e) {
      throw new StateMismatchException("stored checkpoint does not verify: " + e.getMessage(), e);
    }
    if (cp.size() != size) {
      throw new StateMismatchException(
          "stored checkpoint is for size " + cp.size() + " but " + size + " entries are stored");
    }
    Hash root = Proofs.treeRoot(size, r);
    if (!root.equals(cp.root())) {
      throw new StateMismatchException(
          "root at size "
              + size
              + " disagrees: recomputed "
              + root
              + ", checkpoint says "
              + cp.root());
    }
    Hash head = size == 0 ? Hash.ZERO : r.chainHash(size - 1);
    Hash signedHead =
        ChainHeadExtension.find(cp)
            .orElseThrow(
                () -> new StateMismatchException("stored checkpoint has no chain head line"));
    if (!head.equals(signedHead)) {
      throw new StateMismatchException(
          "chain head at size "
              + size
              + " disagrees: stored "
              + head
              + ", checkpoint says "
              + signedHead);
    }
    return new SignedCheckpoint(cp, new String(stored.signedNote(), StandardCharsets.UTF_8));
  }

  /** Throws {@link StateMismatchException} unless {@code stored} equals {@code base} hashed up. */
  private static void checkTile(int level, long index, byte[] base, byte[] stored) {
    byte[] derived = TileStratum.fromBase(base);
    if (!Arrays.equals(derived, stored)) {
      int at = Arrays.mismatch(derived, stored) / Hash.SIZE;
      throw new StateMismatchException(
          "hash tile "
              + level
              + "/"
              + index
              + " disagrees at hash "
              + at
              + ": recomputed "
              + (at * Hash.SIZE < derived.length ? Hash.of(derived, at * Hash.SIZE) : "nothing")
              + ", stored "
              + (at * Hash.SIZE + Hash.SIZE <= stored.length
                  ? Hash.of(stored, at * Hash.SIZE)
                  : "nothing"));
    }
  }
}
