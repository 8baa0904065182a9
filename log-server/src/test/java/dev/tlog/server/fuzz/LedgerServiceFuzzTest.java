package dev.tlog.server.fuzz;

import dev.tlog.merkle.fuzz.FuzzTally;
import dev.tlog.merkle.fuzz.FuzzTries;
import dev.tlog.proto.v1.EventFilter;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.GetPayloadsRequest;
import dev.tlog.proto.v1.GetWindowRequest;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.SummarizeRequest;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * LedgerService over real loopback gRPC: Query and Summarize with random filters and hostile
 * full-text strings, GetWindow and GetPayloads with random bounds. Every answer is OK or a
 * documented status (a bad filter is INVALID_ARGUMENT, never INTERNAL or UNKNOWN), and no call
 * changes the log's tree size or checkpoint.
 */
@AddLifecycleHook(FuzzTries.Endpoints.class)
class LedgerServiceFuzzTest {
  private static final List<String> TEXT_TOKENS =
      List.of(
          "\"",
          "*",
          "?",
          "~",
          "~2",
          "^3",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "AND",
          "OR",
          "NOT",
          "-",
          "+",
          "!",
          ":",
          "cmd:",
          "tool:",
          "payload.cmd:",
          "/re.*/",
          "\\",
          "&&",
          "||",
          "seed",
          "0",
          "\u0000",
          "\ud83d\ude00",
          "日本",
          "TO",
          "[* TO *]",
          "field:\"a b\"",
          " ",
          "");

  private final FuzzLog fuzz = new FuzzLog();
  private FuzzTally tally;

  private LedgerServiceGrpc.LedgerServiceBlockingStub stub() {
    return LedgerServiceGrpc.newBlockingStub(fuzz.log.channel)
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  @Property(tries = 60)
  void queryAndSummarizeWithRandomFilters(
      @ForAll("filters") EventFilter filter,
      @ForAll("uint64s") long start,
      @ForAll int pageSize,
      @ForAll boolean proofs) {
    tally =
        tally != null ? tally : new FuzzTally("log-server/Query+Summarize", RuntimeException.class);
    GetCheckpointResponse before = fuzz.checkpoint();
    judge(
        FuzzLog.statusOf(
            () ->
                stub()
                    .query(
                        QueryRequest.newBuilder()
                            .setFilter(filter)
                            .setStartIndex(start)
                            .setPageSize(pageSize)
                            .setWithProofs(proofs)
                            .build())));
    judge(
        FuzzLog.statusOf(
            () -> stub().summarize(SummarizeRequest.newBuilder().setFilter(filter).build())));
    fuzz.assertUnchanged(before, tally);
  }

  @Property(tries = 60)
  void windowsAndPayloadsWithRandomBounds(@ForAll("uint64s") long a, @ForAll("uint64s") long b) {
    tally =
        tally != null
            ? tally
            : new FuzzTally("log-server/GetWindow+GetPayloads", RuntimeException.class);
    GetCheckpointResponse before = fuzz.checkpoint();
    judge(
        FuzzLog.statusOf(
            () ->
                stub()
                    .getWindow(
                        GetWindowRequest.newBuilder()
                            .setReceivedFrom(a)
                            .setReceivedTo(b)
                            .build())));
    judge(
        FuzzLog.statusOf(
            () ->
                stub().getPayloads(GetPayloadsRequest.newBuilder().setStart(a).setEnd(b).build())));
    fuzz.assertUnchanged(before, tally);
  }

  @AfterProperty
  void stop() throws InterruptedException {
    if (tally != null) {
      tally.print();
    }
    fuzz.close();
  }

  private void judge(Status.Code code) {
    if (!FuzzLog.DOCUMENTED.contains(code)) {
      throw tally.unexpected("answered " + code);
    }
    tally.count(code != Status.Code.OK);
  }

  @Provide
  Arbitrary<Long> uint64s() {
    long now = System.currentTimeMillis() * 1_000_000L;
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(0, FuzzLog.SEEDED + 2),
        Arbitraries.longs().between(now - 3_600_000_000_000L, now + 3_600_000_000_000L),
        Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE));
  }

  private static Arbitrary<String> words() {
    return Arbitraries.oneOf(
        Arbitraries.of("agent:planner", "user:alice", "agent.tool_call", "info", "critical", ""),
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300));
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.of(TEXT_TOKENS).list().ofMaxSize(8).map(l -> String.join(" ", l)),
        Arbitraries.of(TEXT_TOKENS).list().ofMaxSize(8).map(l -> String.join("", l)),
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1000).ofMaxLength(20_000));
  }

  @Provide
  Arbitrary<EventFilter> filters() {
    return Builders.withBuilder(EventFilter::newBuilder)
        .use(uint64s())
        .withProbability(0.3)
        .in((b, v) -> b.setTimeFrom(v))
        .use(uint64s())
        .withProbability(0.3)
        .in((b, v) -> b.setTimeTo(v))
        .use(uint64s())
        .withProbability(0.3)
        .in((b, v) -> b.setReceivedFrom(v))
        .use(uint64s())
        .withProbability(0.3)
        .in((b, v) -> b.setReceivedTo(v))
        .use(words().list().ofMaxSize(4))
        .withProbability(0.4)
        .in((b, v) -> b.addAllActors(v))
        .use(words().list().ofMaxSize(4))
        .withProbability(0.4)
        .in((b, v) -> b.addAllActions(v))
        .use(words().list().ofMaxSize(3))
        .withProbability(0.3)
        .in((b, v) -> b.addAllSeverities(v))
        .use(words())
        .withProbability(0.3)
        .in((b, v) -> b.setMinSeverity(v))
        .use(Arbitraries.maps(words(), words()).ofMaxSize(3))
        .withProbability(0.3)
        .in((b, v) -> b.putAllMeta((Map<String, String>) v))
        .use(texts())
        .withProbability(0.6)
        .in((b, v) -> b.setText(v))
        .build(EventFilter.Builder::build);
  }
}
