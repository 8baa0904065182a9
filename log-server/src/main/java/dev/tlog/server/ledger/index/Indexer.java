package dev.tlog.server.ledger.index;

import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.util.concurrent.TimeUnit;

/**
 * The thread that makes the ledger index follow the log: woken by every signed checkpoint, it reads
 * the entries the index does not cover yet from storage in chunks, adds their documents, makes them
 * searchable (when it has caught up, at most {@value #MIN_PUBLISH_GAP_MILLIS} ms later; at least
 * every {@value #PUBLISH_MILLIS} ms while it catches up) and commits every {@value #COMMIT_SECONDS}
 * s or {@value #COMMIT_ENTRIES} entries and when it stops. It only reads storage, in short read
 * transactions, so appends never wait for it.
 *
 * <p>Threading: owns the {@code tlog-ledger-indexer} thread; {@link #close} may be called from any
 * thread. Failures (storage or Lucene) are logged and retried with a growing delay; they never
 * reach appends, and queries see them as a {@code covered_size} that stops growing.
 */
public final class Indexer implements AutoCloseable {
  static final long PUBLISH_MILLIS = 250;
  // Each publish is a Lucene refresh: a new segment and, soon, merges. Refreshing after every
  // small batch of a busy log cost more CPU than the appends themselves (a 2-core machine appended
  // ledger events at a tenth of the opaque rate); at most one per this gap keeps a caught-up
  // index at most this far behind.
  static final long MIN_PUBLISH_GAP_MILLIS = 50;
  static final long COMMIT_SECONDS = 30;
  static final long COMMIT_ENTRIES = 500_000;

  private static final System.Logger LOG = System.getLogger(Indexer.class.getName());

  private final LedgerIndex index;
  private final LogStorage storage;
  private final CheckpointFeed signed;
  private final Thread thread;
  private final Runnable unsubscribe;
  private final Object wake = new Object();
  private boolean woken;
  private volatile boolean stopping;

  private Indexer(LedgerIndex index, LogStorage storage, CheckpointFeed signed) {
    this.index = index;
    this.storage = storage;
    this.signed = signed;
    this.unsubscribe = signed.subscribe(this::onCheckpoint);
    this.thread = new Thread(this::run, "tlog-ledger-indexer");
    thread.setDaemon(true);
  }

  /** Starts following {@code signed} from what {@code index} held when it was opened. */
  public static Indexer start(LedgerIndex index, LogStorage storage, CheckpointFeed signed) {
    Indexer i = new Indexer(index, storage, signed);
    i.thread.start();
    return i;
  }

  // Runs on the publishing thread: must not block.
  private void onCheckpoint(SignedCheckpoint cp) {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  private void run() {
    try {
      follow();
    } catch (Error e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "ledger index: indexer stopped; queries stay at what is indexed until a restart",
          e);
    }
  }

  private void follow() {
    IndexState added = index.opened();
    IndexState committed = added;
    long lastPublish = System.nanoTime();
    long lastCommit = lastPublish;
    long failureDelayMillis = 0;
    long started = lastPublish;
    boolean catchingUp = false;
    while (!stopping) {
      try {
        long target = signed.latest().map(SignedCheckpoint::size).orElse(0L);
        if (added.covered() < target) {
          if (!catchingUp && target - added.covered() > IndexFeeder.CHUNK) {
            catchingUp = true;
            started = System.nanoTime();
            LOG.log(
                System.Logger.Level.INFO,
                "ledger index: catching up from " + added.covered() + " to " + target);
          }
          try (LogReader r = storage.reader()) {
            added = IndexFeeder.feed(r, index, added, target);
          }
          long now = System.nanoTime();
          boolean caughtUp = added.covered() >= target;
          if (caughtUp && now - lastPublish < millis(MIN_PUBLISH_GAP_MILLIS)) {
            // Let more batches arrive before the next refresh; published below or on the next turn.
            await(MIN_PUBLISH_GAP_MILLIS - TimeUnit.NANOSECONDS.toMillis(now - lastPublish));
            now = System.nanoTime();
          }
          if (caughtUp || now - lastPublish > millis(PUBLISH_MILLIS)) {
            index.publish(added);
            lastPublish = now;
          }
          if (now - lastCommit > TimeUnit.SECONDS.toNanos(COMMIT_SECONDS)
              || added.covered() - committed.covered() >= COMMIT_ENTRIES) {
            index.commit(added);
            committed = added;
            lastCommit = now;
          }
          if (catchingUp && added.covered() >= target) {
            catchingUp = false;
            LOG.log(
                System.Logger.Level.INFO,
                "ledger index: caught up at "
                    + added.covered()
                    + " in "
                    + TimeUnit.NANOSECONDS.toMillis(now - started)
                    + " ms");
          }
          failureDelayMillis = 0;
          continue;
        }
        if (committed != added
            && System.nanoTime() - lastCommit > TimeUnit.SECONDS.toNanos(COMMIT_SECONDS)) {
          index.commit(added);
          committed = added;
          lastCommit = System.nanoTime();
        }
        await(1000);
      } catch (RuntimeException e) {
        failureDelayMillis = Math.min(30_000, Math.max(500, failureDelayMillis * 2));
        LOG.log(
            System.Logger.Level.ERROR,
            "ledger index: indexing at "
                + added.covered()
                + " failed; retrying in "
                + failureDelayMillis
                + " ms",
            e);
        await(failureDelayMillis);
      }
    }
    try {
      if (committed != added) {
        index.publish(added);
        index.commit(added);
      }
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING, "ledger index: final commit failed (caught up on start)", e);
    }
  }

  private static long millis(long ms) {
    return TimeUnit.MILLISECONDS.toNanos(ms);
  }

  private void await(long millis) {
    synchronized (wake) {
      if (!woken && !stopping) {
        try {
          wake.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
      woken = false;
    }
  }

  /** Stops after the chunk in hand and commits what was indexed; does not close the index. */
  @Override
  public void close() {
    unsubscribe.run();
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.log(System.Logger.Level.WARNING, "ledger index: indexer did not stop within 60 s");
    }
  }
}
