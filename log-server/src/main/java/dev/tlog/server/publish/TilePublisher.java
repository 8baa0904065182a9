package dev.tlog.server.publish;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileObjects;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Copies the log to an {@link ObjectStore} in the C2SP tlog-tiles layout, so that readers, mirrors
 * and CDNs can serve it without the server (spec/scaling.md, "Publishing to object storage").
 *
 * <p>For each new published checkpoint of size {@code n}, with {@code b} the size the bucket
 * already has: every entry bundle and hash tile that growing the tree from {@code b} to {@code n}
 * creates or widens (full ones immutable, partial ones short-lived), then the checkpoint, last. A
 * reader that fetched the bucket's checkpoint therefore finds every tile it needs. The bucket's own
 * checkpoint is the publisher's only state: after a crash it starts again from it, and writing an
 * object a second time writes the same bytes. A bucket checkpoint that this log's key did not sign,
 * that is larger than the log, or whose tree is not a prefix of the log, is never published over:
 * publishing over it would show readers a fork or a rollback. Found at start, it stops the server
 * ({@link StateMismatchException}); found later (the bucket could not be read at start), it stops
 * publishing for good ({@link #refusal()}).
 *
 * <p>{@link #start} takes ownership of the store: {@link #close} closes it.
 *
 * <p>Threading: one thread, "tlog-publisher", decides what to put and reads it from LMDB; tile and
 * bundle PUTs go out {@value #UPLOADS_IN_FLIGHT} at a time on "tlog-publisher-upload" threads, and
 * the checkpoint only after all of them succeeded. Appends never wait for any of them. A failed
 * request fails the round, which is retried from the bucket's size after {@code retryDelay}, so the
 * bucket lags while the store is down ({@link #lag}).
 */
public final class TilePublisher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TilePublisher.class.getName());

  /** Tile and bundle PUTs sent at once (spec/scaling.md). */
  static final int UPLOADS_IN_FLIGHT = 8;

  private final ExecutorService uploads =
      Executors.newFixedThreadPool(
          UPLOADS_IN_FLIGHT,
          r -> {
            Thread t = new Thread(r, "tlog-publisher-upload");
            t.setDaemon(true);
            return t;
          });

  private final LogStorage storage;
  private final CheckpointFeed published;
  private final ObjectStore store;
  private final Duration retryDelay;
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private Runnable unsubscribe = () -> {};
  private volatile boolean closed;
  private volatile long bucketSize;
  private volatile String bucketNote;
  private final Supplier<BucketState> bucketCheck;
  // False until the bucket's checkpoint was read and checked: nothing is put before.
  private volatile boolean checked;
  // Why publishing stopped for good: the bucket, read late, showed another history.
  private volatile String refusal;

  private TilePublisher(
      LogStorage storage,
      CheckpointFeed published,
      ObjectStore store,
      Duration retryDelay,
      Supplier<BucketState> bucketCheck) {
    this.storage = storage;
    this.published = published;
    this.store = store;
    this.retryDelay = retryDelay;
    this.bucketCheck = bucketCheck;
    this.thread = new Thread(this::run, "tlog-publisher");
    this.thread.setDaemon(true);
  }

  /**
   * Reads and checks the bucket's checkpoint, then starts publishing every checkpoint {@code
   * published} carries. A bucket that cannot be read now is checked by the publisher's thread until
   * it can be; the log serves meanwhile and nothing is put before the check passes.
   *
   * @throws StateMismatchException if the bucket holds a checkpoint that is not of this log
   */
  public static TilePublisher start(
      LogStorage storage,
      LogReads reads,
      CheckpointFeed published,
      ObjectStore store,
      String origin,
      NoteVerifier logKey,
      Duration retryDelay) {
    TilePublisher p =
        new TilePublisher(
            storage,
            published,
            store,
            retryDelay,
            () -> check(reads, published, store, origin, logKey));
    try {
      p.adopt(p.bucketCheck.get());
    } catch (PublishException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot read "
              + store.describe()
              + " at start ("
              + e.getMessage()
              + "); serving anyway, publishing begins once the bucket is read and checked");
    }
    p.unsubscribe = published.subscribe(cp -> p.wake.release());
    p.thread.start();
    p.wake.release();
    return p;
  }

  /** What the bucket holds now: its checkpoint's size and note (0 and null when empty). */
  private record BucketState(long size, String note) {}

  /**
   * Reads the bucket's checkpoint and checks that this log may publish over it.
   *
   * @throws StateMismatchException if it is not a checkpoint of this log's history
   * @throws PublishException if the bucket cannot be read
   */
  private static BucketState check(
      LogReads reads,
      CheckpointFeed published,
      ObjectStore store,
      String origin,
      NoteVerifier logKey) {
    Optional<byte[]> existing = store.get("checkpoint");
    if (existing.isEmpty()) {
      return new BucketState(0, null);
    }
    Checkpoint cp = bucketCheckpoint(existing.get(), origin, logKey, store);
    checkPrefix(cp, reads, published.current().checkpoint(), store);
    return new BucketState(cp.size(), new String(existing.get(), StandardCharsets.UTF_8));
  }

  private void adopt(BucketState state) {
    bucketSize = state.size();
    bucketNote = state.note();
    checked = true;
  }

  private static Checkpoint bucketCheckpoint(
      byte[] note, String origin, NoteVerifier logKey, ObjectStore store) {
    try {
      return Checkpoints.openSigned(note, origin, List.of(logKey));
    } catch (MerkleException e) {
      throw new StateMismatchException(
          "the checkpoint in "
              + store.describe()
              + " is not a checkpoint of this log ("
              + e.getMessage()
              + "); refusing to publish over it",
          e);
    }
  }

  private static void checkPrefix(
      Checkpoint cp, LogReads reads, Checkpoint current, ObjectStore store) {
    long local = current.size();
    if (cp.size() > local) {
      throw new StateMismatchException(
          "the checkpoint in "
              + store.describe()
              + " has size "
              + cp.size()
              + " but this log has only "
              + local
              + " entries (restored from an older backup?); refusing to publish a rollback");
    }
    if (cp.size() == 0) {
      return;
    }
    try {
      Proofs.checkConsistency(reads.consistency(cp.size(), local), cp.root(), current.root());
    } catch (MerkleException e) {
      throw new StateMismatchException(
          "the checkpoint in "
              + store.describe()
              + " (size "
              + cp.size()
              + ") is not consistent with this log ("
              + e.getMessage()
              + "); refusing to publish a fork",
          e);
    }
  }

  /**
   * Why publishing stopped for good, if it did: the bucket could not be read at start, and when it
   * could, it held a checkpoint this log must not publish over (spec/scaling.md).
   */
  public Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** The size of the checkpoint the bucket holds. */
  public long bucketSize() {
    return bucketSize;
  }

  /** Entries published locally but not yet in the bucket. */
  public long lag() {
    return Math.max(0, published.current().size() - bucketSize);
  }

  private void run() {
    while (!closed) {
      try {
        wake.tryAcquire(1, TimeUnit.SECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
      if (!checked && !checkLate()) {
        if (refusal != null) {
          return;
        }
        sleep();
        continue;
      }
      SignedCheckpoint cp = published.current();
      while (!closed && !cp.note().equals(bucketNote)) {
        try {
          publish(cp);
        } catch (RuntimeException e) {
          LOG.log(
              System.Logger.Level.WARNING,
              "publishing checkpoint "
                  + cp.size()
                  + " to "
                  + store.describe()
                  + " failed, retrying in "
                  + retryDelay.toMillis()
                  + " ms: "
                  + e.getMessage());
          try {
            Thread.sleep(retryDelay.toMillis());
          } catch (InterruptedException ie) {
            return;
          }
        }
        cp = published.current();
      }
    }
  }

  /** The check {@link #start} could not make; true once it passed. */
  private boolean checkLate() {
    try {
      adopt(bucketCheck.get());
      LOG.log(
          System.Logger.Level.INFO,
          "read " + store.describe() + ": size " + bucketSize + "; publishing begins");
      return true;
    } catch (StateMismatchException e) {
      refusal = e.getMessage();
      LOG.log(System.Logger.Level.ERROR, "publishing stopped for good: " + e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot read "
              + store.describe()
              + " yet, retrying in "
              + retryDelay.toMillis()
              + " ms: "
              + e.getMessage());
      return false;
    }
  }

  private void sleep() {
    try {
      Thread.sleep(retryDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Everything {@code cp} needs beyond the bucket's size, then {@code cp} itself. */
  private void publish(SignedCheckpoint cp) {
    long from = Math.min(bucketSize, cp.size());
    long to = cp.size();
    Uploads round = new Uploads();
    try (LogReader r = storage.reader()) {
      for (EntryBundleId b : TileMath.newEntryBundles(from, to)) {
        round.put(
            TilePaths.format(b),
            r.entryBundle(b.index(), b.width()),
            TileObjects.cacheControl(b.width()));
      }
      for (TileId t : TileMath.newTiles(from, to)) {
        round.put(
            TilePaths.format(t),
            r.hashTile(t.level(), t.index(), t.width()),
            TileObjects.cacheControl(t.width()));
      }
    } finally {
      round.awaitAll();
    }
    // Only once every object it needs is in the bucket.
    store.put(
        "checkpoint",
        cp.note().getBytes(StandardCharsets.UTF_8),
        TileObjects.TEXT,
        TileObjects.NO_CACHE);
    bucketSize = to;
    bucketNote = cp.note();
  }

  /**
   * The tile and bundle PUTs of one round, {@link #UPLOADS_IN_FLIGHT} at a time: object stores
   * answer one PUT in milliseconds to tens of milliseconds, so one at a time would cap the bucket
   * at a few thousand entries per second. Bodies are read on the publisher's thread (LMDB read
   * transactions belong to one thread) and at most twice the in-flight count are held.
   */
  private final class Uploads {
    private final Semaphore room = new Semaphore(UPLOADS_IN_FLIGHT * 2);
    private final List<Future<?>> sent = new ArrayList<>();
    private volatile RuntimeException failure;

    void put(String path, byte[] body, String cacheControl) {
      if (failure != null) {
        throw failure;
      }
      room.acquireUninterruptibly();
      sent.add(
          uploads.submit(
              () -> {
                try {
                  store.put(path, body, TileObjects.OCTETS, cacheControl);
                } catch (RuntimeException e) {
                  failure = e;
                } finally {
                  room.release();
                }
              }));
    }

    /** Waits for every PUT sent; throws the first failure, if any. */
    void awaitAll() {
      for (Future<?> f : sent) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PublishException("interrupted while uploading", e);
        } catch (ExecutionException e) {
          throw new PublishException("upload failed: " + e.getCause(), e.getCause());
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Waits until the bucket holds {@code size} or more, or {@code timeout} passes. */
  public boolean awaitBucketSize(long size, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (bucketSize < size) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /**
   * Stops publishing and closes the store; what is in the bucket stays consistent (the checkpoint
   * is written last).
   */
  @Override
  public void close() {
    closed = true;
    unsubscribe.run();
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    uploads.shutdownNow();
    try {
      uploads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
