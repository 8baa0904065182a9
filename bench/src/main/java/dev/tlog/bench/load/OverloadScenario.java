package dev.tlog.bench.load;

import dev.tlog.bench.report.Figure;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetEntriesRequest;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offers three times the measured batched capacity, open loop, in {@code AppendBatch} calls of 100
 * entries, then checks that the log only pushed back: no error other than {@code
 * RESOURCE_EXHAUSTED}, the server still running, and every acknowledged index readable through
 * {@code GetEntries} holding the entry that was sent.
 */
public final class OverloadScenario {
  private static final int BATCH = 100;

  private final LogClient client;
  private final EntrySource entries;
  private final ServerProcess server;

  public OverloadScenario(LogClient client, EntrySource entries, ServerProcess server) {
    this.client = client;
    this.entries = entries;
    this.server = server;
  }

  /** Runs for {@code d} at 3 × {@code capacity} entries/s; the figure's counts tell the verdict. */
  public Figure run(double capacity, Duration d) {
    AckLedger ledger = new AckLedger();
    double offered = 3 * Math.max(capacity, 1000);
    Outcome o =
        new OpenLoop(offered / BATCH, d, BATCH, 10_000).run(done -> appendBatch(ledger, done));
    boolean alive = server.isAlive();
    long missing = alive ? verify(ledger) : ledger.size();
    Map<String, Long> counts = new TreeMap<>(o.counts());
    counts.put("acked", (long) ledger.size());
    counts.put("unreadable_acked", missing);
    counts.put("server_alive", alive ? 1L : 0L);
    long unexpected =
        o.counts().entrySet().stream()
            .filter(e -> e.getKey().startsWith("error_"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    counts.put("passed", alive && missing == 0 && unexpected == 0 ? 1L : 0L);
    return o.toFigure("load.overload.batch" + BATCH + ".x3", "entries/s").withCounts(counts);
  }

  private void appendBatch(AckLedger ledger, OpenLoop.Completion done) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    for (int i = 0; i < BATCH; i++) {
      b.addEntries(entries.next());
    }
    AppendBatchRequest request = b.build();
    client
        .async()
        .appendBatch(
            request,
            new StreamObserver<AppendBatchResponse>() {
              @Override
              public void onNext(AppendBatchResponse r) {
                for (int i = 0; i < r.getResultsCount(); i++) {
                  ledger.add(r.getResults(i).getIndex(), entries.sequenceOf(request.getEntries(i)));
                }
                done.succeeded(r.getResultsCount());
              }

              @Override
              public void onError(Throwable t) {
                done.failed(t);
              }

              @Override
              public void onCompleted() {}
            });
  }

  /** Reads every acknowledged index back; returns how many are missing or hold other bytes. */
  private long verify(AckLedger ledger) {
    long[][] acks = ledger.sortedByIndex();
    long missing = 0;
    int i = 0;
    while (i < acks.length) {
      long start = acks[i][0];
      List<Entry> page = new ArrayList<>();
      Iterator<Entry> it =
          client
              .blocking()
              .getEntries(
                  GetEntriesRequest.newBuilder().setStart(start).setEnd(start + 1000).build());
      it.forEachRemaining(page::add);
      if (page.isEmpty()) {
        return missing + (acks.length - i);
      }
      long end = page.get(page.size() - 1).getIndex() + 1;
      for (; i < acks.length && acks[i][0] < end; i++) {
        Entry e = page.get((int) (acks[i][0] - start));
        if (e.getIndex() != acks[i][0] || entries.sequenceOf(e.getData()) != acks[i][1]) {
          missing++;
        }
      }
    }
    return missing;
  }
}
