package dev.tlog.mirror.follow;

import dev.tlog.mirror.store.ForkEvidence;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the mirror serves right now: the served checkpoint (empty until the first one verified) and
 * fork evidence once a fork is proven. Written by the follower after each commit, read by the HTTP
 * API; each read is one consistent snapshot.
 */
public final class MirrorStatus {
  /** One snapshot. */
  public record Snapshot(Optional<Served> served, Optional<ForkEvidence> fork) {}

  private final AtomicReference<Snapshot> current;

  public MirrorStatus(Optional<Served> served, Optional<ForkEvidence> fork) {
    this.current = new AtomicReference<>(new Snapshot(served, fork));
  }

  public Snapshot snapshot() {
    return current.get();
  }

  /** The served tree size, 0 before the first checkpoint. */
  public long servedSize() {
    return current.get().served().map(Served::size).orElse(0L);
  }

  public boolean forked() {
    return current.get().fork().isPresent();
  }

  void serve(Served served) {
    current.updateAndGet(s -> new Snapshot(Optional.of(served), s.fork()));
  }

  void fork(ForkEvidence evidence) {
    current.updateAndGet(s -> new Snapshot(s.served(), Optional.of(evidence)));
  }
}
