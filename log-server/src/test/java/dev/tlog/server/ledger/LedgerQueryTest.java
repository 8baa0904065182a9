package dev.tlog.server.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetPayloadsRequest;
import dev.tlog.proto.v1.GetWindowRequest;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.QueryResponse;
import dev.tlog.proto.v1.SummarizeRequest;
import dev.tlog.proto.v1.SummarizeResponse;
import dev.tlog.server.testing.TestLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** LedgerService over a real server: paging, proofs, summaries, payloads, errors, opaque logs. */
class LedgerQueryTest {
  @TempDir Path dir;

  private static List<Event> events(Random r, int n) {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(LedgerEvents.random(r, Instant.now()));
    }
    return out;
  }

  private static QueryResponse query(
      LedgerServiceGrpc.LedgerServiceBlockingStub ledger, EventFilter f, long start, int size) {
    return ledger.query(
        QueryRequest.newBuilder()
            .setFilter(LedgerClient.toProto(f))
            .setStartIndex(start)
            .setPageSize(size)
            .build());
  }

  @Test
  void anAppenderSeesItsOwnEventsAtOnce() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      Random r = new Random(1);
      for (int round = 0; round < 20; round++) {
        Event e =
            Event.builder()
                .actor("agent:round" + round)
                .action("acme.deploy")
                .payload("{\"note\":\"round " + round + "\"}")
                .build();
        long index = LedgerClient.append(log.blocking, List.of(e)).getResults(0).getIndex();
        QueryResponse page =
            query(ledger, EventFilter.builder().actor("agent:round" + round).build(), 0, 0);
        assertEquals(1, page.getEventsCount(), "round " + round);
        assertEquals(index, page.getEvents(0).getIndex());
        assertTrue(page.getCoveredSize() > index);
        assertEquals(checkpoint(log, page.getCheckpoint()).size(), page.getCoveredSize());
        LedgerClient.append(log.blocking, events(r, 5));
      }
    }
  }

  @Test
  void pagesWalkEveryHitOnceInLogOrder() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      List<Long> mine = new ArrayList<>();
      Random r = new Random(2);
      for (int i = 0; i < 6; i++) {
        List<Event> batch = events(r, 4);
        batch.add(Event.builder().actor("user:pager").action("acme.page").build());
        var reply = LedgerClient.append(log.blocking, batch);
        mine.add(reply.getResults(4).getIndex());
      }
      EventFilter f = EventFilter.builder().actor("user:pager").build();
      QueryResponse first = query(ledger, f, 0, 4);
      assertEquals(
          mine.subList(0, 4), first.getEventsList().stream().map(LedgerEvent::getIndex).toList());
      assertTrue(first.getMore());
      assertEquals(mine.get(4), first.getNextIndex(), "the next page starts at the next hit");
      QueryResponse second = query(ledger, f, first.getNextIndex(), 4);
      assertEquals(
          mine.subList(4, 6), second.getEventsList().stream().map(LedgerEvent::getIndex).toList());
      assertFalse(second.getMore());
      assertEquals(second.getCoveredSize(), second.getNextIndex(), "done: resume at covered_size");
      QueryResponse beyond = query(ledger, f, second.getCoveredSize() + 10, 4);
      assertEquals(0, beyond.getEventsCount());
      assertFalse(beyond.getMore());
      assertEquals(
          Math.min(100, second.getCoveredSize() - 6),
          query(ledger, EventFilter.ALL, 0, 0).getEventsCount(),
          "page_size 0 means 100 (every entry but the 6 clock marks is an event)");
    }
  }

  @Test
  void eventsComeWithProofsChainHashesAndPayloadsThatVerify() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      Random r = new Random(3);
      for (int i = 0; i < 5; i++) {
        LedgerClient.append(log.blocking, events(r, 1 + r.nextInt(30)));
      }
      QueryResponse page =
          ledger.query(
              QueryRequest.newBuilder()
                  .setFilter(LedgerClient.toProto(EventFilter.ALL))
                  .setPageSize(1000)
                  .setWithProofs(true)
                  .build());
      Checkpoint cp = checkpoint(log, page.getCheckpoint());
      Map<Long, Entry> stored = entries(log, cp.size());
      assertTrue(page.getEventsCount() > 5);
      for (LedgerEvent e : page.getEventsList()) {
        Hash leaf = TreeHasher.leafHash(e.getEntry().toByteArray());
        Proofs.checkInclusion(
            new InclusionProof(
                e.getIndex(),
                cp.size(),
                e.getInclusionProofList().stream().map(LedgerClient::hash).toList()),
            leaf,
            cp.root());
        assertEquals(stored.get(e.getIndex()).getChainHash(), e.getChainHash());
        LedgerEntry.EventEntry entry =
            (LedgerEntry.EventEntry) EventCodec.parseEntry(e.getEntry().toByteArray());
        EventCodec.parsePayloadRecord(e.getPayloadRecord().toByteArray()).checkAgainst(entry);
        assertTrue(e.getReceived() > 0);
      }
      QueryResponse without = query(ledger, EventFilter.ALL, 0, 10);
      assertEquals(0, without.getEvents(0).getInclusionProofCount(), "proofs only when asked");
    }
  }

  @Test
  void summaryCountsWhatQueryFinds() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      Random r = new Random(4);
      for (int i = 0; i < 4; i++) {
        LedgerClient.append(log.blocking, events(r, 40));
      }
      long size = log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
      NaiveLedger naive = NaiveLedger.scan(log.blocking, ledger, size);
      for (int k = 0; k < 10; k++) {
        EventFilter f = k == 0 ? EventFilter.ALL : naive.randomFilter(r);
        SummarizeResponse s =
            ledger.summarize(
                SummarizeRequest.newBuilder().setFilter(LedgerClient.toProto(f)).build());
        List<Long> hits = naive.matching(f, size);
        assertEquals(hits.size(), s.getTotal(), f::toString);
        Map<String, Long> actors = new HashMap<>();
        Map<String, Long> severities = new HashMap<>();
        for (long i : hits) {
          var e = (LedgerEntry.EventEntry) naive.rows.get((int) i).parsed();
          actors.merge(e.actor(), 1L, Long::sum);
          severities.merge(e.severity().label(), 1L, Long::sum);
        }
        assertEquals(actors, s.getByActorMap(), f::toString);
        assertEquals(severities, s.getBySeverityMap(), f::toString);
        assertEquals(size, s.getCoveredSize());
        if (!hits.isEmpty()) {
          assertEquals(hits.get(0), s.getFirst().getIndex());
          assertEquals(hits.get(hits.size() - 1), s.getLast().getIndex());
        } else {
          assertFalse(s.hasFirst());
        }
      }
    }
  }

  @Test
  void payloadsComeFromStorageAndAreBounded() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      List<Event> sent = events(new Random(5), 10);
      long first = LedgerClient.append(log.blocking, sent).getResults(0).getIndex();
      long size = log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
      List<ByteString> records =
          ledger
              .getPayloads(GetPayloadsRequest.newBuilder().setStart(0).setEnd(size).build())
              .getPayloadRecordsList();
      assertEquals(size, records.size());
      assertTrue(records.get(0).isEmpty(), "entry 0 is a clock mark");
      for (int i = 0; i < sent.size(); i++) {
        assertEquals(
            new String(EventCodec.payloadRecord(sent.get(i)), StandardCharsets.UTF_8),
            records.get((int) first + i).toStringUtf8());
      }
      expect(
          Status.Code.INVALID_ARGUMENT,
          "at most 1000",
          () ->
              ledger.getPayloads(GetPayloadsRequest.newBuilder().setStart(0).setEnd(1001).build()));
      expect(
          Status.Code.OUT_OF_RANGE,
          "beyond the latest checkpoint",
          () ->
              ledger.getPayloads(
                  GetPayloadsRequest.newBuilder().setStart(0).setEnd(size + 1).build()));
    }
  }

  @Test
  void badRequestsAreInvalidArgumentNamingTheField() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      LedgerClient.append(log.blocking, events(new Random(6), 3));
      Map<String, dev.tlog.proto.v1.EventFilter> bad =
          Map.of(
              "filter.text",
              dev.tlog.proto.v1.EventFilter.newBuilder().setText("disk AND").build(),
              "filter.severities",
              dev.tlog.proto.v1.EventFilter.newBuilder().addSeverities("fatal").build(),
              "filter.min_severity",
              dev.tlog.proto.v1.EventFilter.newBuilder().setMinSeverity("loud").build(),
              "filter.time_to",
              dev.tlog.proto.v1.EventFilter.newBuilder().setTimeFrom(10).setTimeTo(5).build(),
              "filter.meta",
              dev.tlog.proto.v1.EventFilter.newBuilder().putMeta("a b", "x").build(),
              "filter.actors",
              dev.tlog.proto.v1.EventFilter.newBuilder().addActors("").build());
      for (var e : bad.entrySet()) {
        expect(
            Status.Code.INVALID_ARGUMENT,
            e.getKey(),
            () -> ledger.query(QueryRequest.newBuilder().setFilter(e.getValue()).build()));
        expect(
            Status.Code.INVALID_ARGUMENT,
            e.getKey(),
            () -> ledger.summarize(SummarizeRequest.newBuilder().setFilter(e.getValue()).build()));
      }
      expect(
          Status.Code.INVALID_ARGUMENT,
          "page_size",
          () -> ledger.query(QueryRequest.newBuilder().setPageSize(1001).build()));
      expect(
          Status.Code.INVALID_ARGUMENT,
          "received_to",
          () ->
              ledger.getWindow(
                  GetWindowRequest.newBuilder().setReceivedFrom(10).setReceivedTo(5).build()));
    }
  }

  /** uint64 fields >= 2^63: refused with the status of their range, naming the value sent. */
  @Test
  void hugeUint64FieldsAreNamedAsSent() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      LedgerClient.append(log.blocking, events(new Random(7), 3));
      long max = -1L; // the bits of 2^64 - 1
      long twoTo63 = Long.MIN_VALUE;
      expect(
          Status.Code.OUT_OF_RANGE,
          "end 18446744073709551615 is beyond the latest checkpoint",
          () ->
              ledger.getPayloads(
                  GetPayloadsRequest.newBuilder().setStart(max).setEnd(max).build()));
      expect(
          Status.Code.INVALID_ARGUMENT,
          "got start=18446744073709551615 end=9223372036854775808",
          () ->
              ledger.getPayloads(
                  GetPayloadsRequest.newBuilder().setStart(max).setEnd(twoTo63).build()));
      expect(
          Status.Code.INVALID_ARGUMENT,
          "asked for 9223372036854775808",
          () ->
              ledger.getPayloads(
                  GetPayloadsRequest.newBuilder().setStart(0).setEnd(twoTo63).build()));
      expect(
          Status.Code.INVALID_ARGUMENT,
          "received_to 9223372036854775808 is before received_from 18446744073709551615",
          () ->
              ledger.getWindow(
                  GetWindowRequest.newBuilder()
                      .setReceivedFrom(max)
                      .setReceivedTo(twoTo63)
                      .build()));
      expect(
          Status.Code.INVALID_ARGUMENT,
          "5 is before time_from 18446744073709551615",
          () ->
              ledger.query(
                  QueryRequest.newBuilder()
                      .setFilter(
                          dev.tlog.proto.v1.EventFilter.newBuilder()
                              .setTimeFrom(max)
                              .setTimeTo(5)
                              .build())
                      .build()));
      // A window starting after every mark is empty, at the end of the log.
      var w = ledger.getWindow(GetWindowRequest.newBuilder().setReceivedFrom(twoTo63).build());
      assertEquals(w.getEnd(), w.getStart());
    }
  }

  @Test
  void anOpaqueLogIsNotALedger() throws Exception {
    try (TestLog log = TestLog.start(TestLog.config(dir))) {
      var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
      List<Executable> calls =
          List.of(
              () -> ledger.query(QueryRequest.getDefaultInstance()),
              () -> ledger.summarize(SummarizeRequest.getDefaultInstance()),
              () -> ledger.getWindow(GetWindowRequest.getDefaultInstance()),
              () -> ledger.getPayloads(GetPayloadsRequest.getDefaultInstance()));
      for (Executable call : calls) {
        expect(Status.Code.FAILED_PRECONDITION, "this log is not a ledger", call);
      }
    }
  }

  static void expect(Status.Code code, String fragment, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    String d = e.getStatus().getDescription();
    assertTrue(
        d != null && d.contains(fragment), "\"" + d + "\" should mention \"" + fragment + "\"");
  }

  static Checkpoint checkpoint(TestLog log, String note) {
    return Checkpoints.openSigned(
        note.getBytes(StandardCharsets.UTF_8),
        TestLog.ORIGIN,
        List.of(VerifierKeys.parse(log.server.verifierKey())));
  }

  private static Map<Long, Entry> entries(TestLog log, long size) {
    Map<Long, Entry> out = new HashMap<>();
    for (long start = 0; start < size; ) {
      Iterator<Entry> it =
          log.blocking.getEntries(
              GetEntriesRequest.newBuilder().setStart(start).setEnd(size).build());
      while (it.hasNext()) {
        Entry e = it.next();
        out.put(e.getIndex(), e);
        start = e.getIndex() + 1;
      }
    }
    return out;
  }
}
