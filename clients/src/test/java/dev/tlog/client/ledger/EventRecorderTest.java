package dev.tlog.client.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tlog.client.CheckpointTracker;
import dev.tlog.client.CheckpointVerifier;
import dev.tlog.client.LogAppender;
import dev.tlog.client.LogIdentity;
import dev.tlog.client.LogRequestException;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifyingReader;
import dev.tlog.client.testing.GrpcProxy;
import dev.tlog.client.testing.LogServerProcess;
import dev.tlog.client.transport.GrpcLogSource;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** EventRecorder against a real ledger-mode server, directly and through a misbehaving proxy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventRecorderTest {
  @TempDir static Path tmp;
  private LogServerProcess server;
  private LogIdentity identity;

  @BeforeAll
  void start() throws Exception {
    server = LogServerProcess.startLedger(tmp.resolve("data"), null);
    identity = LogIdentity.of(server.vkey(), null, List.of());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** A recorder and its reader over {@code address}; close the returned source. */
  private record Client(GrpcLogSource source, VerifyingReader reader, EventRecorder recorder) {}

  private Client client(String address, RetryPolicy retry) {
    GrpcLogSource src = GrpcLogSource.connect(address, retry);
    VerifyingReader reader = new VerifyingReader(src, new CheckpointVerifier(identity));
    LogAppender appender =
        new LogAppender(src.writer(), reader, new CheckpointTracker(reader, null));
    return new Client(src, reader, new EventRecorder(appender, retry));
  }

  static Event event(String actor, int n) {
    return Event.builder()
        .actor(actor)
        .action("agent.tool_call")
        .severity(Severity.INFO)
        .payload("{\"tool\":\"shell\",\"n\":" + n + "}")
        .meta("host", "h1")
        .build();
  }

  @Test
  void receiptIsForTheCommittedEntryAndTheEntryReadsBack() {
    Client c = client(server.grpc(), RetryPolicy.defaults());
    try (GrpcLogSource ignored = c.source()) {
      Event e = event("agent:planner", 1);
      EventReceipt r = c.recorder().record(e);
      assertEquals(TreeHasher.leafHash(EventCodec.entry(e)), r.leafHash());
      assertNotEquals(TreeHasher.leafHash(EventCodec.submission(e)), r.leafHash());
      byte[] stored = c.reader().entry(r.index(), r.checkpoint()).data();
      assertEquals(new String(EventCodec.entry(e)), new String(stored));

      EventReceipt again = c.recorder().record(e);
      assertEquals(r.index(), again.index());
      assertTrue(again.receipt().duplicate());

      List<EventReceipt> batch =
          c.recorder().recordBatch(List.of(event("agent:a", 2), event("agent:b", 3)));
      assertEquals(batch.get(0).index() + 1, batch.get(1).index());
    }
  }

  @Test
  void streamAppliesBackPressureAndVerifiesEveryReceipt() {
    Client c = client(server.grpc(), RetryPolicy.defaults());
    List<CompletableFuture<EventReceipt>> fs = new ArrayList<>();
    try (GrpcLogSource ignored = c.source();
        EventStream s = c.recorder().openStream(8)) {
      for (int i = 0; i < 300; i++) {
        fs.add(s.submit(event("agent:streamer", i)));
      }
    }
    long prev = -1;
    for (CompletableFuture<EventReceipt> f : fs) {
      EventReceipt r = f.join();
      assertTrue(r.index() > prev);
      assertEquals(EventRecorder.committedLeaf(r.event()), r.leafHash());
      prev = r.index();
    }
  }

  @Test
  void aRefusedEventFailsAloneAndTheOthersAreRecorded() {
    Client c = client(server.grpc(), RetryPolicy.defaults());
    List<CompletableFuture<EventReceipt>> fs = new ArrayList<>();
    try (GrpcLogSource ignored = c.source();
        EventStream s = c.recorder().openStream(4)) {
      for (int i = 0; i < 12; i++) {
        Event e =
            i == 5
                ? Event.builder()
                    .actor("agent:late")
                    .action("agent.tool_call")
                    .payload("{\"tool\":\"x\"}")
                    .time(Instant.now().minus(Duration.ofDays(40)))
                    .build()
                : event("agent:refusal", i);
        fs.add(s.submit(e));
      }
    }
    for (int i = 0; i < fs.size(); i++) {
      if (i == 5) {
        CompletionException e = assertThrows(CompletionException.class, fs.get(i)::join);
        LogRequestException r = assertInstanceOf(LogRequestException.class, e.getCause());
        assertEquals("INVALID_ARGUMENT", r.code());
        assertTrue(r.getMessage().contains("time"), r.getMessage());
      } else {
        fs.get(i).join();
      }
    }
  }

  @Test
  void eventsOfABrokenStreamAreResentOnANewOne() throws Exception {
    AtomicInteger streamed = new AtomicInteger();
    GrpcProxy.Tap breakOnce =
        new GrpcProxy.Tap() {
          @Override
          public byte[] onRequest(String method, byte[] message) {
            if (method.endsWith("/AppendStream") && streamed.incrementAndGet() == 20) {
              throw Status.UNAVAILABLE
                  .withDescription("proxy broke the stream")
                  .asRuntimeException();
            }
            return message;
          }
        };
    try (GrpcProxy proxy = new GrpcProxy(server.grpc(), List.of(), breakOnce)) {
      Client c =
          client(proxy.address(), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
      List<CompletableFuture<EventReceipt>> fs = new ArrayList<>();
      try (GrpcLogSource ignored = c.source();
          EventStream s = c.recorder().openStream(4)) {
        for (int i = 0; i < 50; i++) {
          fs.add(s.submit(event("agent:resent", i)));
        }
      }
      Set<Long> indexes = new HashSet<>();
      for (CompletableFuture<EventReceipt> f : fs) {
        assertTrue(indexes.add(f.join().index()));
      }
      assertTrue(streamed.get() > 50, "some events were sent twice: " + streamed.get());
    }
  }

  @Test
  void anAcknowledgementForTheSubmissionBytesIsRejected() throws Exception {
    AtomicReference<byte[]> sent = new AtomicReference<>();
    GrpcProxy.Tap hashOfSubmission =
        new GrpcProxy.Tap() {
          @Override
          public byte[] onRequest(String method, byte[] message) {
            if (method.endsWith("/Append")) {
              try {
                sent.set(AppendRequest.parseFrom(message).getData().toByteArray());
              } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
              }
            }
            return message;
          }

          @Override
          public byte[] onResponse(String method, byte[] message) {
            if (!method.endsWith("/Append")) {
              return message;
            }
            try {
              return AppendResponse.parseFrom(message).toBuilder()
                  .setLeafHash(ByteString.copyFrom(TreeHasher.leafHash(sent.get()).bytes()))
                  .build()
                  .toByteArray();
            } catch (InvalidProtocolBufferException e) {
              throw new IllegalStateException(e);
            }
          }
        };
    try (GrpcProxy proxy = new GrpcProxy(server.grpc(), List.of(), hashOfSubmission)) {
      Client c = client(proxy.address(), RetryPolicy.none());
      try (GrpcLogSource ignored = c.source()) {
        VerificationException e =
            assertThrows(
                VerificationException.class, () -> c.recorder().record(event("agent:cheated", 0)));
        assertTrue(e.getMessage().contains("leaf hash"), e.getMessage());
      }
    }
  }
}
