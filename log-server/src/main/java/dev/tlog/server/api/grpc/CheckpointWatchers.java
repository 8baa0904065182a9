package dev.tlog.server.api.grpc;

import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.OverloadedException;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open WatchCheckpoints call (spec/api.md), served off the publishing thread. The feed gets
 * one listener for all watchers, and all it does is wake the {@code tlog-checkpoint-watchers}
 * thread: publishing (on the sequencer's acknowledgement thread) costs the same with 5,000 watchers
 * as with none. That thread, and each call's own gRPC executor when its transport becomes ready,
 * send a watcher the feed's latest checkpoint if it is newer than what the watcher last got. A slow
 * watcher therefore skips intermediate sizes (spec/api.md allows it), always sees sizes increase,
 * and costs O(1) memory: it holds no queue, only the size it was last sent.
 *
 * <p>At most {@code maxWatchers} calls are open at once; one more is refused with {@code
 * RESOURCE_EXHAUSTED}. Threading: {@link #watch} from any gRPC thread; {@link #close} from any
 * thread, once.
 */
public final class CheckpointWatchers implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CheckpointWatchers.class.getName());
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final CheckpointFeed feed;
  private final int maxWatchers;
  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final Runnable unsubscribe;
  private final Thread thread;
  private final Object wake = new Object();
  private boolean woken;
  private boolean stopping;

  private CheckpointWatchers(CheckpointFeed feed, int maxWatchers) {
    if (maxWatchers < 1) {
      throw new IllegalArgumentException("maxWatchers must be >= 1, got " + maxWatchers);
    }
    this.feed = feed;
    this.maxWatchers = maxWatchers;
    this.unsubscribe = feed.subscribe(cp -> wake());
    this.thread = new Thread(this::run, "tlog-checkpoint-watchers");
    thread.setDaemon(true);
  }

  /** Starts serving watchers of {@code feed}, at most {@code maxWatchers} at once. */
  public static CheckpointWatchers start(CheckpointFeed feed, int maxWatchers) {
    CheckpointWatchers w = new CheckpointWatchers(feed, maxWatchers);
    w.thread.start();
    return w;
  }

  /** Serves one WatchCheckpoints call, or refuses it when {@code maxWatchers} are already open. */
  void watch(ServerCallStreamObserver<GetCheckpointResponse> out) {
    if (open.incrementAndGet() > maxWatchers) {
      open.decrementAndGet();
      out.onError(
          GrpcErrors.toStatus(
              new OverloadedException(
                  "too many WatchCheckpoints calls: at most " + maxWatchers + " may be open",
                  RETRY_AFTER)));
      return;
    }
    Watcher w = new Watcher(out);
    out.setOnCancelHandler(w::stop);
    out.setOnReadyHandler(w::sendLatest);
    watchers.add(w);
    w.sendLatest();
  }

  /** How many WatchCheckpoints calls are open. */
  public int openWatchers() {
    return open.get();
  }

  // Runs on the publishing thread: O(1), never blocks on a watcher.
  private void wake() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  private void run() {
    while (true) {
      synchronized (wake) {
        while (!woken && !stopping) {
          try {
            wake.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (stopping) {
          return;
        }
        woken = false;
      }
      for (Watcher w : watchers) {
        w.sendLatest();
      }
    }
  }

  @Override
  public void close() {
    unsubscribe.run();
    synchronized (wake) {
      stopping = true;
      wake.notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One call: the size it was last sent, nothing else. */
  private final class Watcher {
    private final ServerCallStreamObserver<GetCheckpointResponse> out;
    private long sentSize = -1;
    private boolean done;

    Watcher(ServerCallStreamObserver<GetCheckpointResponse> out) {
      this.out = out;
    }

    // On the dispatcher thread or the call's executor; synchronized because both may send.
    synchronized void sendLatest() {
      SignedCheckpoint cp = feed.latest().orElse(null);
      if (done || cp == null || cp.size() <= sentSize || !out.isReady()) {
        return;
      }
      sentSize = cp.size();
      try {
        out.onNext(LogGrpcService.toProto(cp));
      } catch (RuntimeException e) {
        // The call ended between isReady and onNext (e.g. cancelled): nothing more to send.
        LOG.log(System.Logger.Level.DEBUG, "watcher send failed; dropping the watcher", e);
        stop();
      }
    }

    synchronized void stop() {
      if (!done) {
        done = true;
        watchers.remove(this);
        open.decrementAndGet();
      }
    }
  }
}
