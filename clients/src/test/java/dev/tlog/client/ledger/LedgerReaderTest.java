package dev.tlog.client.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tlog.client.CheckpointTracker;
import dev.tlog.client.CheckpointVerifier;
import dev.tlog.client.LogAppender;
import dev.tlog.client.LogIdentity;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifyingReader;
import dev.tlog.client.testing.GrpcProxy;
import dev.tlog.client.testing.LedgerServer;
import dev.tlog.client.transport.GrpcLogSource;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.GetWindowResponse;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.QueryResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** LedgerReader and WindowVerifier against a real ledger log, honest and through lying proxies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerReaderTest {
  @TempDir static Path tmp;
  private LedgerServer server;
  private LogIdentity identity;
  private final List<EventReceipt> before = new ArrayList<>();
  private final List<EventReceipt> inWindow = new ArrayList<>();
  private long from;
  private long to;

  @BeforeAll
  void start() throws Exception {
    server = LedgerServer.start(tmp.resolve("data"));
    identity = LogIdentity.of(server.vkey(), null, List.of());
    try (GrpcLogSource src = GrpcLogSource.connect(server.grpc(), RetryPolicy.defaults())) {
      VerifyingReader reader = new VerifyingReader(src, new CheckpointVerifier(identity));
      EventRecorder rec =
          new EventRecorder(
              new LogAppender(src.writer(), reader, new CheckpointTracker(reader, null)),
              RetryPolicy.defaults());
      before.addAll(rec.recordBatch(List.of(tool("agent:alpha", "ls", Severity.INFO))));
      Thread.sleep(20);
      from = nanos(Instant.now());
      Thread.sleep(5);
      for (int i = 0; i < 3; i++) {
        inWindow.addAll(
            rec.recordBatch(
                List.of(
                    tool("agent:alpha", "rm -rf /tmp/build-" + i, Severity.WARNING),
                    secret("agent:beta", "db-password", Severity.NOTICE),
                    tool("agent:gamma", "curl example.com", Severity.INFO))));
        Thread.sleep(5);
      }
      to = nanos(Instant.now());
      Thread.sleep(20);
      rec.record(tool("agent:alpha", "after the window", Severity.ERROR));
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  static Event tool(String actor, String cmd, Severity s) {
    return Event.builder()
        .actor(actor)
        .action("agent.tool_call")
        .severity(s)
        .payload("{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"" + cmd + "\"}}")
        .meta("host", "web-1")
        .link("session", "s-1")
        .build();
  }

  static Event secret(String actor, String name, Severity s) {
    return Event.builder()
        .actor(actor)
        .action("secret.access")
        .severity(s)
        .payload("{\"secret\":\"" + name + "\"}")
        .meta("host", "db-1")
        .build();
  }

  /** A reader of the log at {@code address}; close its source. */
  private record Client(GrpcLogSource source, LedgerReader ledger, WindowVerifier windows) {}

  private Client client(String address) {
    GrpcLogSource src = GrpcLogSource.connect(address, RetryPolicy.none());
    VerifyingReader reader = new VerifyingReader(src, new CheckpointVerifier(identity));
    LedgerReader ledger =
        new LedgerReader(src.ledger(), reader, new CheckpointTracker(reader, null));
    return new Client(src, ledger, new WindowVerifier(ledger));
  }

  private static List<Long> indexes(List<VerifiedEvent> events) {
    return events.stream().map(VerifiedEvent::index).toList();
  }

  @Test
  void queriesAreVerifiedAndMatchANaiveScan() {
    Client c = client(server.grpc());
    try (GrpcLogSource ignored = c.source()) {
      EventFilter alpha =
          EventFilter.builder().actor("agent:alpha").minSeverity(Severity.WARNING).build();
      var r = c.ledger().queryAll(alpha, 0);
      List<Long> want = new ArrayList<>();
      inWindow.stream()
          .filter(e -> e.event().actor().equals("agent:alpha"))
          .forEach(e -> want.add(e.index()));
      assertEquals(want, indexes(r.events()).subList(0, want.size()));
      assertEquals(want.size() + 1, r.events().size(), "the error after the window too");

      var text = c.ledger().queryAll(EventFilter.builder().text("\"db-password\"").build(), 0);
      assertEquals(3, text.events().size());
      assertTrue(text.events().stream().allMatch(e -> e.payload().isPresent()));

      var paged = c.ledger().query(EventFilter.ALL, 0, 2);
      assertEquals(2, paged.events().size());
      assertTrue(paged.more());
      var limited = c.ledger().queryAll(EventFilter.ALL, 4);
      assertEquals(4, limited.events().size());
      assertTrue(limited.truncated());
    }
  }

  @Test
  void windowIsProvenCompleteAndTheAnswerChecked() {
    Client c = client(server.grpc());
    try (GrpcLogSource ignored = c.source()) {
      VerifiedWindow w = c.windows().window(from, to);
      assertEquals(inWindow.size(), w.events());
      var check =
          c.windows().check(from, to, EventFilter.builder().actor("agent:beta").build(), true);
      assertEquals(
          inWindow.stream()
              .filter(e -> e.event().actor().equals("agent:beta"))
              .map(EventReceipt::index)
              .toList(),
          indexes(check.hits()));
      assertEquals(indexes(check.hits()), check.found());
      assertTrue(check.hits().stream().allMatch(VerifiedEvent::receivedVerified));
      assertEquals(2, check.chainLinks());

      var received = c.ledger().queryAll(EventFilter.builder().received(from, to).build(), 0);
      assertEquals(inWindow.stream().map(EventReceipt::index).toList(), indexes(received.events()));
    }
  }

  @Test
  void summaryAndTraceAreVerified() {
    Client c = client(server.grpc());
    try (GrpcLogSource ignored = c.source()) {
      var s = c.ledger().summarize(EventFilter.builder().received(from, to).build());
      assertEquals(inWindow.size(), s.total());
      assertEquals(3L, s.byActor().get("agent:beta"));
      assertEquals(inWindow.get(0).index(), s.first().orElseThrow().index());
      assertEquals(inWindow.get(inWindow.size() - 1).index(), s.last().orElseThrow().index());

      var trace =
          c.ledger()
              .trace(EventFilter.builder().actor("agent:alpha").time(from, to).build(), 0, 16);
      assertEquals(3, trace.steps().size());
      assertEquals(LedgerReader.ChainLink.FIRST, trace.steps().get(0).link());
      assertTrue(
          trace.steps().stream().skip(1).allMatch(t -> t.link() == LedgerReader.ChainLink.VERIFIED),
          trace.steps()::toString);
    }
  }

  /** A proxy in front of the ledger log that rewrites one kind of response. */
  private static GrpcProxy rewriting(String backend, String method, UnaryOperator<byte[]> f)
      throws Exception {
    return new GrpcProxy(
        backend,
        List.of(),
        new GrpcProxy.Tap() {
          @Override
          public byte[] onResponse(String m, byte[] message) {
            return m.endsWith("/" + method) ? f.apply(message) : message;
          }
        });
  }

  private static QueryResponse query(byte[] b) {
    try {
      return QueryResponse.parseFrom(b);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aLogThatHidesAMatchingEventIsCaughtOnlyWithVerifyComplete() throws Exception {
    long hidden = inWindow.get(4).index(); // agent:beta's second secret access
    try (GrpcProxy proxy =
        rewriting(
            server.grpc(),
            "Query",
            b -> {
              QueryResponse r = query(b);
              List<LedgerEvent> kept =
                  r.getEventsList().stream().filter(e -> e.getIndex() != hidden).toList();
              return r.toBuilder().clearEvents().addAllEvents(kept).build().toByteArray();
            })) {
      Client c = client(proxy.address());
      try (GrpcLogSource ignored = c.source()) {
        EventFilter beta = EventFilter.builder().actor("agent:beta").build();
        var lenient = c.windows().check(from, to, beta, false);
        assertEquals(2, lenient.hits().size());
        IncompleteAnswerException e =
            assertThrows(
                IncompleteAnswerException.class, () -> c.windows().check(from, to, beta, true));
        assertEquals(List.of(hidden), e.missing());
        assertTrue(e.getMessage().contains(Long.toString(hidden)), e.getMessage());
      }
    }
  }

  @Test
  void tamperedAnswersFailVerification() throws Exception {
    try (GrpcProxy proxy =
        rewriting(
            server.grpc(),
            "Query",
            b -> {
              QueryResponse r = query(b);
              if (r.getEventsCount() == 0) {
                return b;
              }
              LedgerEvent e = r.getEvents(0);
              String record = e.getPayloadRecord().toStringUtf8().replace("shell", "shelx");
              return r.toBuilder()
                  .setEvents(0, e.toBuilder().setPayloadRecord(ByteString.copyFromUtf8(record)))
                  .build()
                  .toByteArray();
            })) {
      Client c = client(proxy.address());
      try (GrpcLogSource ignored = c.source()) {
        VerificationException e =
            assertThrows(
                VerificationException.class,
                () -> c.ledger().queryAll(EventFilter.builder().actor("agent:alpha").build(), 0));
        assertTrue(e.getMessage().contains("payload"), e.getMessage());
      }
    }
    try (GrpcProxy proxy =
        rewriting(
            server.grpc(),
            "GetWindow",
            b -> {
              try {
                GetWindowResponse r = GetWindowResponse.parseFrom(b);
                return r.toBuilder().setStart(r.getStart() + 1).build().toByteArray();
              } catch (InvalidProtocolBufferException ex) {
                throw new IllegalStateException(ex);
              }
            })) {
      Client c = client(proxy.address());
      try (GrpcLogSource ignored = c.source()) {
        VerificationException e =
            assertThrows(VerificationException.class, () -> c.windows().window(from, to));
        assertTrue(e.getMessage().contains("condition"), e.getMessage());
      }
    }
  }
}
