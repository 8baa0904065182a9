package dev.tlog.client.testing;

import com.google.protobuf.ByteString;
import dev.tlog.ledger.query.EventMatcher;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.proto.v1.GetPayloadsRequest;
import dev.tlog.proto.v1.GetPayloadsResponse;
import dev.tlog.proto.v1.GetWindowRequest;
import dev.tlog.proto.v1.GetWindowResponse;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.QueryResponse;
import dev.tlog.proto.v1.SummarizeRequest;
import dev.tlog.proto.v1.SummarizeResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A naive {@code LedgerService} for tests, in front of a real ledger-mode log server that does not
 * serve one itself: it reads the real log through its {@code LogService} (entries, chain hashes,
 * proofs, checkpoints) and answers by scanning every entry, matching with the same {@link
 * EventMatcher} the server's index uses. The log does not serve payload records over {@code
 * LogService}, so they are captured from the submissions passing through the stand-in proxy ({@link
 * #capture}). Answers are honest; misbehaviour is added by a proxy in front.
 */
final class StandInLedgerService extends LedgerServiceGrpc.LedgerServiceImplBase {
  private final ManagedChannel channel;
  private final Map<Hash, byte[]> payloads = new ConcurrentHashMap<>();
  private final List<Entry> entries = new ArrayList<>();

  StandInLedgerService(String backend) {
    this.channel = ManagedChannelBuilder.forTarget(backend).usePlaintext().build();
  }

  void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Remembers the payload record of a submission on its way to the log. */
  void capture(byte[] submission) {
    try {
      Event e = EventCodec.parseSubmission(submission);
      payloads.put(TreeHasher.leafHash(EventCodec.entry(e)), EventCodec.payloadRecord(e));
    } catch (RuntimeException ignored) {
      // the log will refuse it
    }
  }

  private LogServiceGrpc.LogServiceBlockingStub log() {
    return LogServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** The log as of its latest checkpoint: note, and the entries up to its size. */
  private synchronized Snapshot snapshot() {
    GetCheckpointResponse cp = log().getCheckpoint(GetCheckpointRequest.getDefaultInstance());
    while (entries.size() < cp.getSize()) {
      Iterator<Entry> it =
          log()
              .getEntries(
                  GetEntriesRequest.newBuilder()
                      .setStart(entries.size())
                      .setEnd(cp.getSize())
                      .build());
      it.forEachRemaining(entries::add);
    }
    List<LedgerEntry> parsed = new ArrayList<>();
    long[] received = new long[(int) cp.getSize()];
    long r = -1;
    for (int i = 0; i < cp.getSize(); i++) {
      LedgerEntry e = EventCodec.parseEntry(entries.get(i).getData().toByteArray());
      parsed.add(e);
      if (e instanceof LedgerEntry.ClockMark m) {
        r = m.nanos();
      }
      received[i] = r;
    }
    return new Snapshot(
        cp.getCheckpoint(),
        cp.getSize(),
        List.copyOf(entries.subList(0, (int) cp.getSize())),
        parsed,
        received);
  }

  private record Snapshot(
      String note, long size, List<Entry> entries, List<LedgerEntry> parsed, long[] received) {}

  private Optional<PayloadRecord> payload(Entry e) {
    byte[] r = payloads.get(TreeHasher.leafHash(e.getData().toByteArray()));
    return r == null ? Optional.empty() : Optional.of(EventCodec.parsePayloadRecord(r));
  }

  private boolean matches(EventMatcher m, Snapshot s, int i) {
    return s.parsed().get(i) instanceof LedgerEntry.EventEntry
        && m.matches(i, s.parsed().get(i), payload(s.entries().get(i)), s.received()[i]);
  }

  private LedgerEvent event(Snapshot s, int i, boolean proof) {
    Entry e = s.entries().get(i);
    byte[] record = payloads.get(TreeHasher.leafHash(e.getData().toByteArray()));
    LedgerEvent.Builder b =
        LedgerEvent.newBuilder()
            .setIndex(i)
            .setEntry(e.getData())
            .setPayloadRecord(record == null ? ByteString.EMPTY : ByteString.copyFrom(record))
            .setReceived(s.received()[i])
            .setChainHash(e.getChainHash());
    if (proof) {
      b.addAllInclusionProof(
          log()
              .getInclusionProof(
                  GetInclusionProofRequest.newBuilder().setIndex(i).setTreeSize(s.size()).build())
              .getHashesList());
    }
    return b.build();
  }

  @Override
  public void query(QueryRequest req, StreamObserver<QueryResponse> out) {
    Snapshot s = snapshot();
    EventMatcher m = EventMatcher.of(ProtoFilters.fromProto(req.getFilter()));
    int pageSize = req.getPageSize() == 0 ? 100 : Math.min(req.getPageSize(), 1000);
    QueryResponse.Builder b =
        QueryResponse.newBuilder().setCheckpoint(s.note()).setCoveredSize(s.size());
    int i = (int) Math.min(req.getStartIndex(), s.size());
    for (; i < s.size() && b.getEventsCount() < pageSize; i++) {
      if (matches(m, s, i)) {
        b.addEvents(event(s, i, req.getWithProofs()));
      }
    }
    b.setNextIndex(i).setMore(i < s.size());
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void summarize(SummarizeRequest req, StreamObserver<SummarizeResponse> out) {
    Snapshot s = snapshot();
    EventMatcher m = EventMatcher.of(ProtoFilters.fromProto(req.getFilter()));
    Map<String, Long> actors = new TreeMap<>();
    Map<String, Long> actions = new TreeMap<>();
    Map<String, Long> severities = new TreeMap<>();
    SummarizeResponse.Builder b = SummarizeResponse.newBuilder();
    int first = -1;
    int last = -1;
    for (int i = 0; i < s.size(); i++) {
      if (matches(m, s, i)) {
        LedgerEntry.EventEntry e = (LedgerEntry.EventEntry) s.parsed().get(i);
        actors.merge(e.actor(), 1L, Long::sum);
        actions.merge(e.action(), 1L, Long::sum);
        severities.merge(e.severity().label(), 1L, Long::sum);
        first = first < 0 ? i : first;
        last = i;
      }
    }
    b.setTotal(actors.values().stream().mapToLong(Long::longValue).sum())
        .putAllByActor(actors)
        .putAllByAction(actions)
        .putAllBySeverity(severities)
        .setCheckpoint(s.note())
        .setCoveredSize(s.size());
    if (first >= 0) {
      b.setFirst(event(s, first, false)).setLast(event(s, last, false));
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void getWindow(GetWindowRequest req, StreamObserver<GetWindowResponse> out) {
    Snapshot s = snapshot();
    long to = req.getReceivedTo() == 0 ? Long.MAX_VALUE : req.getReceivedTo();
    long start = s.size();
    long end = s.size();
    for (int i = 0; i < s.size(); i++) {
      if (s.parsed().get(i) instanceof LedgerEntry.ClockMark m) {
        if (start == s.size() && m.nanos() >= req.getReceivedFrom()) {
          start = i;
        }
        if (m.nanos() >= to) {
          end = i;
          break;
        }
      }
    }
    GetWindowResponse.Builder b =
        GetWindowResponse.newBuilder().setCheckpoint(s.note()).setStart(start).setEnd(end);
    for (long i = Math.min(start, s.size()) - 1; i >= 0; i--) {
      if (s.parsed().get((int) i) instanceof LedgerEntry.ClockMark) {
        b.setMarkBefore(i);
        break;
      }
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void getPayloads(GetPayloadsRequest req, StreamObserver<GetPayloadsResponse> out) {
    Snapshot s = snapshot();
    if (req.getEnd() > s.size() || req.getStart() > req.getEnd()) {
      out.onError(Status.OUT_OF_RANGE.withDescription("beyond the log").asRuntimeException());
      return;
    }
    GetPayloadsResponse.Builder b = GetPayloadsResponse.newBuilder();
    for (long i = req.getStart(); i < req.getEnd(); i++) {
      byte[] r =
          payloads.get(TreeHasher.leafHash(s.entries().get((int) i).getData().toByteArray()));
      b.addPayloadRecords(r == null ? ByteString.EMPTY : ByteString.copyFrom(r));
    }
    out.onNext(b.build());
    out.onCompleted();
  }
}
