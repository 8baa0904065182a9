package dev.tlog.server.api.grpc;

import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.function.Function;

/**
 * One WatchCheckpoints call: sends the current checkpoint, then each newer one. A slow client is
 * never buffered without bound: while its transport is not ready, only the newest checkpoint is
 * kept, so it may skip intermediate sizes but always sees sizes increase.
 */
final class CheckpointWatcher {
  private final CheckpointFeed feed;
  private final ServerCallStreamObserver<GetCheckpointResponse> out;
  private final Function<SignedCheckpoint, GetCheckpointResponse> toProto;
  private SignedCheckpoint pending;
  private long sentSize = -1;
  private boolean done;

  CheckpointWatcher(
      CheckpointFeed feed,
      ServerCallStreamObserver<GetCheckpointResponse> out,
      Function<SignedCheckpoint, GetCheckpointResponse> toProto) {
    this.feed = feed;
    this.out = out;
    this.toProto = toProto;
  }

  void start() {
    Runnable unsubscribe = feed.subscribe(this::offer);
    out.setOnCancelHandler(
        () -> {
          unsubscribe.run();
          synchronized (this) {
            done = true;
          }
        });
    out.setOnReadyHandler(this::drain);
    feed.latest().ifPresent(this::offer);
  }

  private synchronized void offer(SignedCheckpoint cp) {
    if (pending == null || cp.size() > pending.size()) {
      pending = cp;
    }
    drain();
  }

  private synchronized void drain() {
    if (done || pending == null || !out.isReady()) {
      return;
    }
    if (pending.size() > sentSize) {
      sentSize = pending.size();
      out.onNext(toProto.apply(pending));
    }
    pending = null;
  }
}
