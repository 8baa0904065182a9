package dev.tlog.client.transport;

import com.google.protobuf.ByteString;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.VerificationException;
import dev.tlog.client.ledger.LedgerSource;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.proto.v1.GetPayloadsRequest;
import dev.tlog.proto.v1.GetWindowRequest;
import dev.tlog.proto.v1.GetWindowResponse;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.LedgerServiceGrpc.LedgerServiceBlockingStub;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.QueryResponse;
import dev.tlog.proto.v1.SummarizeRequest;
import dev.tlog.proto.v1.SummarizeResponse;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LedgerSource} over gRPC ({@code tlog.v1.LedgerService}); the one place that converts an
 * {@link EventFilter} to its protobuf form. Shares its channel with the {@link GrpcLogSource} that
 * made it; closing that closes both.
 */
public final class GrpcLedgerSource implements LedgerSource {
  private static final long DEADLINE_SECONDS = 60;

  private final ManagedChannel channel;
  private final String target;
  private final RetryPolicy retry;

  GrpcLedgerSource(ManagedChannel channel, String target, RetryPolicy retry) {
    this.channel = channel;
    this.target = target;
    this.retry = retry;
  }

  private LedgerServiceBlockingStub stub() {
    return LedgerServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  /** The protobuf form of {@code f}: unset fields for unrestricted conditions. */
  public static dev.tlog.proto.v1.EventFilter toProto(EventFilter f) {
    var b = dev.tlog.proto.v1.EventFilter.newBuilder();
    TimeRange t = f.time();
    if (t.from() > 0) {
      b.setTimeFrom(t.from());
    }
    if (t.to() != Long.MAX_VALUE) {
      b.setTimeTo(t.to());
    }
    TimeRange r = f.received();
    if (r.from() > 0) {
      b.setReceivedFrom(r.from());
    }
    if (r.to() != Long.MAX_VALUE) {
      b.setReceivedTo(r.to());
    }
    b.addAllActors(f.actors()).addAllActions(f.actions());
    f.severities().forEach(s -> b.addSeverities(s.label()));
    f.minSeverity().ifPresent(s -> b.setMinSeverity(s.label()));
    b.putAllMeta(f.meta()).setText(f.text());
    return b.build();
  }

  @Override
  public QueryPage query(EventFilter filter, long startIndex, int pageSize, boolean withProofs) {
    String what = "Query(from index " + startIndex + ")";
    var req =
        QueryRequest.newBuilder()
            .setFilter(toProto(filter))
            .setStartIndex(startIndex)
            .setPageSize(pageSize)
            .setWithProofs(withProofs)
            .build();
    QueryResponse r = GrpcCalls.call(what, retry, () -> stub().query(req));
    List<ServedEvent> events = new ArrayList<>(r.getEventsCount());
    for (LedgerEvent e : r.getEventsList()) {
      events.add(event(e, what));
    }
    return new QueryPage(
        events, r.getCheckpoint(), r.getCoveredSize(), r.getNextIndex(), r.getMore());
  }

  @Override
  public ServedSummary summarize(EventFilter filter) {
    var req = SummarizeRequest.newBuilder().setFilter(toProto(filter)).build();
    SummarizeResponse r = GrpcCalls.call("Summarize", retry, () -> stub().summarize(req));
    return new ServedSummary(
        r.getTotal(),
        new TreeMap<>(r.getByActorMap()),
        new TreeMap<>(r.getByActionMap()),
        new TreeMap<>(r.getBySeverityMap()),
        r.hasFirst() ? Optional.of(event(r.getFirst(), "Summarize")) : Optional.empty(),
        r.hasLast() ? Optional.of(event(r.getLast(), "Summarize")) : Optional.empty(),
        r.getCheckpoint(),
        r.getCoveredSize());
  }

  @Override
  public ServedWindow window(long from, long to) {
    var req =
        GetWindowRequest.newBuilder()
            .setReceivedFrom(from)
            .setReceivedTo(to == Long.MAX_VALUE ? 0 : to)
            .build();
    GetWindowResponse r = GrpcCalls.call("GetWindow", retry, () -> stub().getWindow(req));
    return new ServedWindow(
        r.getCheckpoint(),
        r.getStart(),
        r.getEnd(),
        r.hasMarkBefore() ? OptionalLong.of(r.getMarkBefore()) : OptionalLong.empty());
  }

  @Override
  public List<byte[]> payloads(long start, long end) {
    String what = "GetPayloads(" + start + ", " + end + ")";
    var req = GetPayloadsRequest.newBuilder().setStart(start).setEnd(end).build();
    List<ByteString> got =
        GrpcCalls.call(what, retry, () -> stub().getPayloads(req)).getPayloadRecordsList();
    if (got.isEmpty() && start < end) {
      throw new VerificationException(what + ": the log returned no payload records");
    }
    return got.stream().map(ByteString::toByteArray).toList();
  }

  @Override
  public String describe() {
    return "grpc " + target;
  }

  private static ServedEvent event(LedgerEvent e, String what) {
    List<Hash> proof = new ArrayList<>(e.getInclusionProofCount());
    for (ByteString h : e.getInclusionProofList()) {
      proof.add(hash(h, what + " inclusion proof"));
    }
    return new ServedEvent(
        e.getIndex(),
        e.getEntry().toByteArray(),
        e.getPayloadRecord().toByteArray(),
        e.getReceived(),
        proof,
        e.getChainHash().isEmpty() ? null : hash(e.getChainHash(), what + " chain hash"));
  }

  private static Hash hash(ByteString b, String what) {
    try {
      return Hash.of(b.toByteArray());
    } catch (MerkleException e) {
      throw new VerificationException(what + ": " + e.getMessage(), e);
    }
  }
}
