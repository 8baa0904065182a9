package dev.tlog.bench.load;

import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.LogServiceGrpc.LogServiceStub;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * {@code AppendStream} with {@code streams} concurrent streams, each keeping up to {@code window}
 * entries unacknowledged. Acks come in request order, so each ack's latency is measured from the
 * send time of the oldest unacknowledged entry. Acks are not required to carry a checkpoint (the
 * server may send one only when it changed).
 */
public final class StreamLoad {
  private final LogServiceStub stub;
  private final EntrySource entries;
  private final int streams;
  private final int window;
  private final Duration duration;

  public StreamLoad(
      LogServiceStub stub, EntrySource entries, int streams, int window, Duration duration) {
    this.stub = stub;
    this.entries = entries;
    this.streams = streams;
    this.window = window;
    this.duration = duration;
  }

  public Outcome run() {
    Histogram latency = new ConcurrentHistogram(3);
    LongAdder acked = new LongAdder();
    Failures failures = new Failures();
    List<Thread> senders = new ArrayList<>();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    for (int i = 0; i < streams; i++) {
      Thread t = new Thread(() -> oneStream(deadline, latency, acked, failures), "stream-" + i);
      senders.add(t);
      t.start();
    }
    senders.forEach(ClosedLoop::join);
    return new Outcome(acked.sum(), System.nanoTime() - start, latency, failures.snapshot());
  }

  private void oneStream(long deadline, Histogram latency, LongAdder acked, Failures failures) {
    Semaphore permits = new Semaphore(window);
    Queue<Long> sentAt = new ConcurrentLinkedQueue<>();
    CountDownLatch finished = new CountDownLatch(1);
    StreamObserver<AppendRequest> requests =
        stub.appendStream(
            new StreamObserver<AppendResponse>() {
              @Override
              public void onNext(AppendResponse r) {
                Long t0 = sentAt.poll();
                if (t0 != null) {
                  latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                }
                acked.increment();
                permits.release();
              }

              @Override
              public void onError(Throwable t) {
                failures.add(t, Math.max(1, sentAt.size()));
                permits.release(window);
                finished.countDown();
              }

              @Override
              public void onCompleted() {
                finished.countDown();
              }
            });
    try {
      while (System.nanoTime() < deadline && finished.getCount() > 0) {
        if (!permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
          continue;
        }
        sentAt.add(System.nanoTime());
        requests.onNext(AppendRequest.newBuilder().setData(entries.next()).build());
      }
      if (finished.getCount() > 0) {
        requests.onCompleted();
      }
      if (!finished.await(60, TimeUnit.SECONDS)) {
        failures.add("error_stream_not_closed", 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
