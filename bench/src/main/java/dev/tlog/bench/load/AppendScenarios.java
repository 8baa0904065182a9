package dev.tlog.bench.load;

import dev.tlog.bench.report.Figure;
import dev.tlog.bench.report.ResultsFile;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.GetCheckpointRequest;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The append scenarios: unary {@code Append} with 1/16/64 closed-loop callers, {@code AppendBatch}
 * of 100 and 1000 entries with 4 callers, {@code AppendStream} with 1 and 4 streams, and open-loop
 * unary at 1k/s and 10k/s. Every figure is compared with the raw LMDB batched limit when known.
 */
public final class AppendScenarios {
  private static final int STREAM_WINDOW = 256;

  private final LogClient client;
  private final EntrySource entries;
  private final ResultsFile results;
  private final Optional<Double> rawLimit;
  private final BooleanSupplier serverAlive;

  public AppendScenarios(
      LogClient client,
      EntrySource entries,
      ResultsFile results,
      Optional<Double> rawLimit,
      BooleanSupplier serverAlive) {
    this.client = client;
    this.entries = entries;
    this.results = results;
    this.rawLimit = rawLimit;
    this.serverAlive = serverAlive;
  }

  /** Runs every scenario for {@code d}; returns the AppendBatch(1000) rate, entries/s. */
  public double runAll(Duration d) {
    // A fresh server's first appends pay for JIT and first checkpoints: spend them untimed.
    Duration w = d.compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : d;
    new ClosedLoop(16, Duration.ZERO, w).run(this::appendOne, 1);
    new ClosedLoop(4, Duration.ZERO, w).run(() -> appendBatch(100), 100);
    for (int callers : new int[] {1, 16, 64}) {
      // The transport's own ceiling at this concurrency, on the same machine in the same run:
      // the cheapest unary RPC (GetCheckpoint: no storage, no fsync) with the same callers.
      Outcome ping = ClosedLoop.warmed(callers, d).run(this::ping, 1);
      results.append(ping.toFigure("load.rpc.get_checkpoint.c" + callers, "calls/s"));
      record(
          "load.append.unary.c" + callers, ClosedLoop.warmed(callers, d).run(this::appendOne, 1));
    }
    double batched = 0;
    for (int size : new int[] {100, 1000}) {
      Outcome o = ClosedLoop.warmed(4, d).run(() -> appendBatch(size), size);
      record("load.append.batch" + size + ".c4", o);
      batched = o.perSecond();
    }
    for (int streams : new int[] {1, 4}) {
      record(
          "load.append.stream.s" + streams,
          new StreamLoad(client.async(), entries, streams, STREAM_WINDOW, d).run());
    }
    for (int rate : new int[] {1_000, 10_000}) {
      Outcome o = new OpenLoop(rate, d, 1, 100_000).run(this::appendAsync);
      record("load.append.open.r" + rate, o);
    }
    return batched;
  }

  /**
   * The scenarios that show a write path's shape: unary with 16 callers, AppendBatch(1000) with 4,
   * and 4 streams, named {@code prefix.unary.c16} and so on.
   */
  public void runCore(String prefix, Duration d) {
    Duration w = d.compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : d;
    new ClosedLoop(16, Duration.ZERO, w).run(this::appendOne, 1);
    record(prefix + ".unary.c16", ClosedLoop.warmed(16, d).run(this::appendOne, 1));
    record(prefix + ".batch1000.c4", ClosedLoop.warmed(4, d).run(() -> appendBatch(1000), 1000));
    record(
        prefix + ".stream.s4", new StreamLoad(client.async(), entries, 4, STREAM_WINDOW, d).run());
  }

  /**
   * One {@code AppendBatch} of {@code size} fresh entries per call, for other steps that drive the
   * log at full speed with {@link ClosedLoop}.
   */
  public ClosedLoop.Call batchCall(int size) {
    return () -> appendBatch(size);
  }

  private int ping() {
    client.blocking().getCheckpoint(GetCheckpointRequest.getDefaultInstance());
    return 1;
  }

  private int appendOne() {
    client.blocking().append(AppendRequest.newBuilder().setData(entries.next()).build());
    return 1;
  }

  private int appendBatch(int size) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    for (int i = 0; i < size; i++) {
      b.addEntries(entries.next());
    }
    return client.blocking().appendBatch(b.build()).getResultsCount();
  }

  private void appendAsync(OpenLoop.Completion done) {
    client
        .async()
        .append(
            AppendRequest.newBuilder().setData(entries.next()).build(),
            new StreamObserver<AppendResponse>() {
              @Override
              public void onNext(AppendResponse r) {
                done.succeeded(1);
              }

              @Override
              public void onError(Throwable t) {
                done.failed(t);
              }

              @Override
              public void onCompleted() {}
            });
  }

  /** Records a scenario's figure; stops the run if the server died meanwhile. */
  private void record(String name, Outcome o) {
    Figure f = o.toFigure(name, "entries/s");
    results.append(rawLimit.map(f::comparedTo).orElse(f));
    if (!serverAlive.getAsBoolean()) {
      throw new ServerExitedException("server exited during " + name);
    }
  }
}
