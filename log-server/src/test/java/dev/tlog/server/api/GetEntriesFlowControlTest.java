package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.admission.Admission;
import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.api.grpc.CheckpointWatchers;
import dev.tlog.server.api.grpc.LogGrpcService;
import dev.tlog.server.api.grpc.MalformedMessages;
import dev.tlog.server.integrate.Submitted;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.CountingReader;
import dev.tlog.server.testing.Pipeline;
import dev.tlog.server.testing.StorageDecorator;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetEntries calls whose client reads nothing must not make the server read their entries from
 * storage (and buffer them): what one call has read stays near the flow-control window plus the
 * per-call budget. Once the client reads, every entry arrives in order, each read once. The server
 * is the real gRPC service, as {@code LogServer} wires it, over real LMDB on loopback; only its
 * reads go through a {@link CountingReader}.
 */
class GetEntriesFlowControlTest {
  private static final int ENTRY_BYTES = 65535;
  private static final int COUNT = 320;
  private static final int CALLS = 4;
  private static final int CLIENT_WINDOW = 256 * 1024;

  @TempDir Path dir;

  private static byte[] entry(int i) {
    byte[] e = new byte[ENTRY_BYTES];
    Arrays.fill(e, (byte) i);
    ByteBuffer.wrap(e).putInt(i);
    return e;
  }

  private static void append(Pipeline p, int from, int to) throws Exception {
    List<CompletableFuture<?>> done = new ArrayList<>();
    for (int i = from; i < to; i += 16) {
      List<Submitted> batch = new ArrayList<>();
      for (int j = i; j < Math.min(to, i + 16); j++) {
        batch.add(Submitted.opaque(entry(j)));
      }
      done.add(p.sequencer.submit(batch));
    }
    for (CompletableFuture<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void unreadCallsDoNotMakeTheServerReadTheirEntries() throws Exception {
    AtomicLong entriesRead = new AtomicLong();
    try (Pipeline p = new Pipeline(dir, new SequencerLimits(64, Duration.ofMillis(1), 10_000));
        CheckpointWatchers watchers = CheckpointWatchers.start(p.feed, 16)) {
      append(p, 0, COUNT);
      LogReads reads =
          new LogReads(
              new StorageDecorator(
                  p.lmdb, b -> {}, () -> {}, r -> new CountingReader(r, entriesRead)),
              p.feed,
              p.leafIndex,
              1000);
      Server server =
          NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
              .addService(
                  new MalformedMessages()
                      .guard(
                          new LogGrpcService(
                                  Admission.opaque(new AppendLimits(ENTRY_BYTES, 64)),
                                  dev.tlog.server.security.auth.AppendGate.open(),
                                  p.sequencer,
                                  reads,
                                  p.feed,
                                  watchers)
                              .bindService()))
              .build()
              .start();
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
              .usePlaintext()
              .flowControlWindow(CLIENT_WINDOW)
              .maxInboundMessageSize(1 << 20)
              .build();
      try {
        List<Call> calls = new ArrayList<>();
        for (int c = 0; c < CALLS; c++) {
          calls.add(new Call(channel, c));
        }
        long stalled = awaitPlateau(entriesRead);
        // Per call: the client's HTTP/2 window, gRPC's outbound buffer (one entry over its 32 KiB
        // threshold) and the server's 1 MiB budget plus one entry; a little slack on top.
        long perCall = CLIENT_WINDOW / ENTRY_BYTES + 1 + (1 << 20) / ENTRY_BYTES + 1 + 4;
        assertTrue(
            stalled <= CALLS * perCall,
            "the server read "
                + stalled
                + " entries for "
                + CALLS
                + " calls whose client read nothing; at most "
                + CALLS * perCall
                + " expected");
        // No read transaction is held while the calls wait: appends that grow the map go on.
        append(p, COUNT, COUNT + 64);
        for (Call call : calls) {
          call.observer.request(COUNT);
        }
        long expectedReads = 0;
        for (Call call : calls) {
          call.done.get(60, TimeUnit.SECONDS);
          assertEquals(COUNT - call.start, call.received.size(), "call from " + call.start);
          for (int k = 0; k < call.received.size(); k++) {
            Entry e = call.received.get(k);
            int index = call.start + k;
            assertEquals(index, e.getIndex(), "entries in order");
            assertArrayEquals(entry(index), e.getData().toByteArray(), "entry " + index);
            assertArrayEquals(
                TreeHasher.leafHash(entry(index)).bytes(), e.getLeafHash().toByteArray());
          }
          expectedReads += COUNT - call.start;
        }
        assertEquals(expectedReads, entriesRead.get(), "each entry is read once per call");
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** One GetEntries call from {@code start} that reads nothing until told to. */
  private static final class Call {
    final int start;
    final List<Entry> received = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile ClientCallStreamObserver<GetEntriesRequest> observer;

    Call(ManagedChannel channel, int start) {
      this.start = start;
      LogServiceGrpc.newStub(channel)
          .getEntries(
              GetEntriesRequest.newBuilder().setStart(start).setEnd(COUNT).build(),
              new ClientResponseObserver<GetEntriesRequest, Entry>() {
                @Override
                public void beforeStart(ClientCallStreamObserver<GetEntriesRequest> requests) {
                  observer = requests;
                  requests.disableAutoRequestWithInitial(0);
                }

                @Override
                public void onNext(Entry e) {
                  received.add(e);
                }

                @Override
                public void onError(Throwable t) {
                  done.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                  done.complete(null);
                }
              });
    }
  }

  /** Waits until {@code counter} is positive and has not moved for 500 ms; returns it. */
  private static long awaitPlateau(AtomicLong counter) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long last = -1;
    while (System.nanoTime() < deadline) {
      long now = counter.get();
      if (now == last && now > 0) {
        return now;
      }
      last = now;
      Thread.sleep(500);
    }
    throw new AssertionError("entry reads never levelled off (" + last + ")");
  }
}
