package dev.tlog.server.api.grpc;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.GetPayloadsRequest;
import dev.tlog.proto.v1.GetPayloadsResponse;
import dev.tlog.proto.v1.GetWindowRequest;
import dev.tlog.proto.v1.GetWindowResponse;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.QueryResponse;
import dev.tlog.proto.v1.SummarizeRequest;
import dev.tlog.proto.v1.SummarizeResponse;
import dev.tlog.server.errors.WrongModeException;
import dev.tlog.server.ledger.Ledger;
import dev.tlog.server.ledger.query.QueryPage;
import dev.tlog.server.ledger.query.Summary;
import dev.tlog.server.ledger.query.Window;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * The {@code tlog.v1.LedgerService} implementation (spec/ledger.md, "Queries"): converts requests
 * to values, asks the {@link Ledger}'s services, converts answers back. On an opaque log every call
 * fails with {@code FAILED_PRECONDITION}. Errors go through {@link GrpcErrors}.
 */
public final class LedgerGrpcService extends LedgerServiceGrpc.LedgerServiceImplBase {
  private final Ledger ledger;

  private LedgerGrpcService(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Serves {@code ledger}. */
  public static LedgerGrpcService of(Ledger ledger) {
    return new LedgerGrpcService(ledger);
  }

  /** Refuses every call: the log is opaque. */
  public static LedgerGrpcService notALedger() {
    return new LedgerGrpcService(null);
  }

  private Ledger ledger() {
    if (ledger == null) {
      throw new WrongModeException(
          "this log is not a ledger: it was created with --mode opaque and has no events to query");
    }
    return ledger;
  }

  @Override
  public void query(QueryRequest request, StreamObserver<QueryResponse> out) {
    answer(
        out,
        () -> {
          QueryPage page =
              ledger()
                  .queries()
                  .query(
                      LedgerProtos.filter(request.getFilter()),
                      LedgerProtos.unsigned(request.getStartIndex()),
                      request.getPageSize(),
                      request.getWithProofs());
          QueryResponse.Builder b =
              QueryResponse.newBuilder()
                  .setCheckpoint(page.checkpoint().note())
                  .setCoveredSize(page.covered())
                  .setNextIndex(page.nextIndex())
                  .setMore(page.more());
          page.events().forEach(h -> b.addEvents(LedgerProtos.event(h)));
          return b.build();
        });
  }

  @Override
  public void summarize(SummarizeRequest request, StreamObserver<SummarizeResponse> out) {
    answer(
        out,
        () -> {
          Summary s = ledger().queries().summarize(LedgerProtos.filter(request.getFilter()));
          SummarizeResponse.Builder b =
              SummarizeResponse.newBuilder()
                  .setTotal(s.total())
                  .putAllByActor(s.byActor())
                  .putAllByAction(s.byAction())
                  .putAllBySeverity(s.bySeverity())
                  .setCheckpoint(s.checkpoint().note())
                  .setCoveredSize(s.covered());
          s.first().ifPresent(h -> b.setFirst(LedgerProtos.event(h)));
          s.last().ifPresent(h -> b.setLast(LedgerProtos.event(h)));
          return b.build();
        });
  }

  @Override
  public void getWindow(GetWindowRequest request, StreamObserver<GetWindowResponse> out) {
    answer(
        out,
        () -> {
          Window w = ledger().windows().window(request.getReceivedFrom(), request.getReceivedTo());
          GetWindowResponse.Builder b =
              GetWindowResponse.newBuilder()
                  .setCheckpoint(w.checkpoint().note())
                  .setStart(w.start())
                  .setEnd(w.end());
          w.markBefore().ifPresent(b::setMarkBefore);
          return b.build();
        });
  }

  @Override
  public void getPayloads(GetPayloadsRequest request, StreamObserver<GetPayloadsResponse> out) {
    answer(
        out,
        () -> {
          GetPayloadsResponse.Builder b = GetPayloadsResponse.newBuilder();
          ledger()
              .payloads()
              .payloads(request.getStart(), request.getEnd())
              .forEach(
                  r -> b.addPayloadRecords(r.map(ByteString::copyFrom).orElse(ByteString.EMPTY)));
          return b.build();
        });
  }

  /**
   * Computes the reply, then sends it; any failure becomes one status through {@link GrpcErrors}.
   */
  private static <T> void answer(StreamObserver<T> out, Supplier<T> reply) {
    T message;
    try {
      message = reply.get();
    } catch (RuntimeException e) {
      out.onError(GrpcErrors.toStatus(e));
      return;
    }
    out.onNext(message);
    out.onCompleted();
  }
}
