package dev.tlog.server.ledger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.QueryResponse;
import java.util.ArrayList;
import java.util.List;

/** What a test client of the ledger does: append events, convert filters, read every page. */
final class LedgerClient {
  private LedgerClient() {}

  /** Appends {@code events} in one batch; returns the response. */
  static AppendBatchResponse append(LogServiceGrpc.LogServiceBlockingStub log, List<Event> events) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    events.forEach(e -> b.addEntries(ByteString.copyFrom(EventCodec.submission(e))));
    return log.appendBatch(b.build());
  }

  static dev.tlog.proto.v1.EventFilter toProto(EventFilter f) {
    dev.tlog.proto.v1.EventFilter.Builder b = dev.tlog.proto.v1.EventFilter.newBuilder();
    range(f.time(), b::setTimeFrom, b::setTimeTo);
    range(f.received(), b::setReceivedFrom, b::setReceivedTo);
    b.addAllActors(f.actors()).addAllActions(f.actions()).putAllMeta(f.meta()).setText(f.text());
    f.severities().forEach(s -> b.addSeverities(s.label()));
    f.minSeverity().map(Severity::label).ifPresent(b::setMinSeverity);
    return b.build();
  }

  private static void range(
      TimeRange r, java.util.function.LongConsumer from, java.util.function.LongConsumer to) {
    if (r.from() > 0) {
      from.accept(r.from());
    }
    if (r.to() != Long.MAX_VALUE) {
      to.accept(r.to());
    }
  }

  /** Every page of a query from index 0, checking the paging contract on the way. */
  static List<LedgerEvent> queryAll(
      LedgerServiceGrpc.LedgerServiceBlockingStub ledger, EventFilter f, int pageSize) {
    List<LedgerEvent> out = new ArrayList<>();
    long start = 0;
    while (true) {
      QueryResponse page =
          ledger.query(
              QueryRequest.newBuilder()
                  .setFilter(toProto(f))
                  .setStartIndex(start)
                  .setPageSize(pageSize)
                  .build());
      assertTrue(page.getEventsCount() <= pageSize, "page larger than asked");
      for (LedgerEvent e : page.getEventsList()) {
        assertTrue(
            e.getIndex() >= start && e.getIndex() < page.getCoveredSize(), "hit out of range");
        out.add(e);
      }
      if (!page.getMore()) {
        return out;
      }
      assertTrue(page.getNextIndex() > start, "next_index must advance");
      start = page.getNextIndex();
    }
  }

  static Hash hash(com.google.protobuf.ByteString b) {
    return Hash.of(b.toByteArray());
  }
}
