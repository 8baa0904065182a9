package dev.tlog.server.crash;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.WatchCheckpointsRequest;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Appends of all three kinds at once against one server until it dies: a thread of Append calls, a
 * thread of AppendBatch calls, a thread feeding one AppendStream, and a WatchCheckpoints call.
 * Every ack and every checkpoint seen goes to the {@link AcknowledgedLog}; after {@link
 * #killAfterAcks} acks the given action runs on the thread that got the last one, right after it
 * was recorded (so some kills land while the next batch is being signed and committed).
 *
 * <p>Threading: start once, then {@link #awaitEnd}. An assertion failure in a worker is rethrown by
 * {@link #awaitEnd}.
 */
final class AppendLoad {
  private final ManagedChannel channel;
  private final AcknowledgedLog log;
  private final String tag;
  private final Random random;
  private final boolean ledger;
  private final AtomicLong acks = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile long killAt = Long.MAX_VALUE;
  private volatile Runnable kill = () -> {};

  AppendLoad(ManagedChannel channel, AcknowledgedLog log, String tag, long seed) {
    this(channel, log, tag, seed, false);
  }

  /**
   * A load that sends ledger event submissions when {@code ledger} (spec/ledger.md, "Events") and
   * records the entries the log commits for them; else opaque entries.
   */
  AppendLoad(ManagedChannel channel, AcknowledgedLog log, String tag, long seed, boolean ledger) {
    this.channel = channel;
    this.log = log;
    this.tag = tag;
    this.random = new Random(seed);
    this.ledger = ledger;
  }

  /** Runs {@code action} right after the {@code n}th ack of this load is recorded. */
  void killAfterAcks(long n, Runnable action) {
    this.kill = action;
    this.killAt = n;
  }

  long acks() {
    return acks.get();
  }

  void start() {
    LogServiceGrpc.LogServiceBlockingStub blocking = LogServiceGrpc.newBlockingStub(channel);
    spawn("append", () -> appendLoop(blocking));
    spawn("batch", () -> batchLoop(blocking));
    spawn("stream", this::streamLoop);
    LogServiceGrpc.newStub(channel)
        .watchCheckpoints(
            WatchCheckpointsRequest.getDefaultInstance(),
            new StreamObserver<>() {
              @Override
              public void onNext(GetCheckpointResponse r) {
                guard(() -> log.observed(r.getCheckpoint()));
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {}
            });
  }

  /** Waits for every appender to see the server gone; rethrows a failed check. */
  void awaitEnd() throws InterruptedException {
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(60));
      if (t.isAlive()) {
        throw new AssertionError(t.getName() + " still running after the server died");
      }
    }
    Throwable f = failure.get();
    if (f instanceof AssertionError a) {
      throw a;
    }
    if (f != null) {
      throw new AssertionError("a check failed in an appender", f);
    }
  }

  private void appendLoop(LogServiceGrpc.LogServiceBlockingStub stub) {
    for (long n = 0; ; n++) {
      Sent sent = entry("a", n);
      AppendResponse r;
      try {
        r = stub.withDeadlineAfter(30, TimeUnit.SECONDS).append(request(sent));
      } catch (RuntimeException e) {
        return; // the server died
      }
      ack(List.of(sent.stored()), List.of(r.getIndex()), log.observed(r.getCheckpoint()));
    }
  }

  private void batchLoop(LogServiceGrpc.LogServiceBlockingStub stub) {
    for (long n = 0; ; n++) {
      int count = 1 + nextInt(20);
      List<byte[]> data = new ArrayList<>();
      AppendBatchRequest.Builder req = AppendBatchRequest.newBuilder();
      for (int i = 0; i < count; i++) {
        Sent sent = entry("b" + n + ".", i);
        data.add(sent.stored());
        req.addEntries(ByteString.copyFrom(sent.request()));
      }
      AppendBatchResponse r;
      try {
        r = stub.withDeadlineAfter(30, TimeUnit.SECONDS).appendBatch(req.build());
      } catch (RuntimeException e) {
        return;
      }
      List<Long> indexes = r.getResultsList().stream().map(AppendResponse::getIndex).toList();
      ack(data, indexes, log.observed(r.getCheckpoint()));
    }
  }

  /** One stream, up to 8 requests in flight; responses come in request order (spec/api.md). */
  private void streamLoop() {
    BlockingQueue<Sent> inFlight = new ArrayBlockingQueue<>(8);
    // A stream ack carries the checkpoint only when it changed (log.proto, AppendStream).
    AtomicReference<Checkpoint> covering = new AtomicReference<>();
    CountDownLatch ended = new CountDownLatch(1);
    StreamObserver<AppendRequest> requests =
        LogServiceGrpc.newStub(channel)
            .appendStream(
                new StreamObserver<>() {
                  @Override
                  public void onNext(AppendResponse r) {
                    Sent sent = inFlight.poll();
                    guard(
                        () -> {
                          if (!r.getCheckpoint().isEmpty()) {
                            covering.set(log.observed(r.getCheckpoint()));
                          }
                          ack(List.of(sent.stored()), List.of(r.getIndex()), covering.get());
                        });
                  }

                  @Override
                  public void onError(Throwable t) {
                    ended.countDown();
                  }

                  @Override
                  public void onCompleted() {
                    ended.countDown();
                  }
                });
    try {
      for (long n = 0; ended.getCount() > 0; n++) {
        Sent sent = entry("s", n);
        while (!inFlight.offer(sent, 10, TimeUnit.MILLISECONDS)) {
          if (ended.getCount() == 0) {
            return;
          }
        }
        requests.onNext(request(sent));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the stream broke when the server died
    }
  }

  private void ack(List<byte[]> data, List<Long> indexes, Checkpoint cp) {
    if (data.size() != indexes.size()) {
      throw new AssertionError(data.size() + " entries sent, " + indexes.size() + " acked");
    }
    if (cp == null) {
      throw new AssertionError("the first ack of a stream carries no checkpoint");
    }
    for (int i = 0; i < data.size(); i++) {
      log.acked(indexes.get(i), data.get(i), cp);
    }
    if (acks.addAndGet(data.size()) >= killAt) {
      killAt = Long.MAX_VALUE;
      kill.run();
    }
  }

  /** What an appender sends, and the entry the log commits for it (the same bytes if opaque). */
  private record Sent(byte[] request, byte[] stored) {}

  private Sent entry(String kind, long n) {
    // Varied lengths: bundles, tiles and LMDB pages fill at different points in every cycle.
    String pad = "x".repeat(nextInt(200));
    if (!ledger) {
      byte[] data = (tag + "/" + kind + n + "/" + pad).getBytes(StandardCharsets.UTF_8);
      return new Sent(data, data);
    }
    byte[] salt = new byte[Hash.SIZE];
    synchronized (this) {
      random.nextBytes(salt);
    }
    Event e =
        Event.builder()
            .time(Instant.now())
            .actor("agent:" + tag)
            .action("agent.tool_call")
            .severity(Severity.INFO)
            .payload("{\"tool\":\"" + kind + n + "\",\"pad\":\"" + pad + "\"}")
            .salt(Hash.of(salt))
            .build();
    return new Sent(EventCodec.submission(e), EventCodec.entry(e));
  }

  private synchronized int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private static AppendRequest request(Sent sent) {
    return AppendRequest.newBuilder().setData(ByteString.copyFrom(sent.request())).build();
  }

  private void spawn(String name, Runnable body) {
    Thread t = new Thread(() -> guard(body), tag + "-" + name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  private void guard(Runnable body) {
    try {
      body.run();
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
  }
}
