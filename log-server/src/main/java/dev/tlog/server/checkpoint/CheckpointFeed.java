package dev.tlog.server.checkpoint;

import dev.tlog.server.errors.UnavailableException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The latest published checkpoint and the subscribers that watch for new ones. The sequencer's
 * acknowledgement thread publishes (and witnessing, for the cosigned feed); any thread reads or
 * subscribes. Listeners must not block and must do O(1) work: they run on the publishing thread,
 * before that batch's appends are answered. Per-subscriber work (such as sending to each gRPC
 * watcher) belongs on the subscriber's own thread; a listener only hands over or wakes it.
 */
public final class CheckpointFeed {
  private final AtomicReference<SignedCheckpoint> latest = new AtomicReference<>();
  private final CopyOnWriteArrayList<Consumer<SignedCheckpoint>> listeners =
      new CopyOnWriteArrayList<>();

  /** Publishes {@code cp} if it is newer than the current one. */
  public void publish(SignedCheckpoint cp) {
    SignedCheckpoint prev =
        latest.getAndAccumulate(cp, (a, b) -> a == null || b.size() > a.size() ? b : a);
    if (prev == null || cp.size() > prev.size()) {
      for (Consumer<SignedCheckpoint> l : listeners) {
        l.accept(cp);
      }
    }
  }

  public Optional<SignedCheckpoint> latest() {
    return Optional.ofNullable(latest.get());
  }

  /** The latest checkpoint; {@link UnavailableException} before the first is published. */
  public SignedCheckpoint current() {
    return latest().orElseThrow(() -> new UnavailableException("no checkpoint yet"));
  }

  /** How many listeners each publish runs (on the publishing thread). */
  public int listenerCount() {
    return listeners.size();
  }

  /** Adds a listener; returns the action that removes it. */
  public Runnable subscribe(Consumer<SignedCheckpoint> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
