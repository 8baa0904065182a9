package dev.tlog.server.fuzz;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.fuzz.FuzzTally;
import dev.tlog.merkle.fuzz.FuzzTries;
import dev.tlog.merkle.fuzz.Mutants;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.GetConsistencyProofRequest;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * LogService over real loopback gRPC against a ledger-mode log: garbage and mutated event
 * submissions, random uint64 fields of the read calls, and raw wire bytes to every unary and
 * server-streaming method. Every answer is OK or a documented status (never INTERNAL or UNKNOWN); a
 * rejected append leaves the tree size and signed checkpoint as they were, and a read never changes
 * them.
 */
@AddLifecycleHook(FuzzTries.Endpoints.class)
class LogServiceFuzzTest {
  private final FuzzLog fuzz = new FuzzLog();
  private FuzzTally tally;

  private LogServiceGrpc.LogServiceBlockingStub stub() {
    return fuzz.log.blocking.withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  @Property(tries = 60)
  void appendInLedgerModeTakesOnlyValidEvents(@ForAll("submissions") byte[] data) {
    tally =
        tally != null ? tally : new FuzzTally("log-server/Append (ledger)", RuntimeException.class);
    GetCheckpointResponse before = fuzz.checkpoint();
    Status.Code code =
        FuzzLog.statusOf(
            () ->
                stub()
                    .append(AppendRequest.newBuilder().setData(ByteString.copyFrom(data)).build()));
    judgeAppend(code, before, 1);
  }

  @Property(tries = 30)
  void appendBatchIsAllOrNothing(@ForAll("batches") List<byte[]> entries) {
    tally =
        tally != null
            ? tally
            : new FuzzTally("log-server/AppendBatch (ledger)", RuntimeException.class);
    GetCheckpointResponse before = fuzz.checkpoint();
    AppendBatchRequest.Builder req = AppendBatchRequest.newBuilder();
    entries.forEach(e -> req.addEntries(ByteString.copyFrom(e)));
    Status.Code code = FuzzLog.statusOf(() -> stub().appendBatch(req.build()));
    judgeAppend(code, before, entries.size());
  }

  @Property(tries = 80)
  void readsWithRandomUint64sAnswerDocumentedStatuses(
      @ForAll("uint64s") long a, @ForAll("uint64s") long b, @ForAll("hashes") byte[] leafHash) {
    tally =
        tally != null ? tally : new FuzzTally("log-server/proofs+entries", RuntimeException.class);
    GetCheckpointResponse before = fuzz.checkpoint();
    judgeRead(
        FuzzLog.statusOf(
            () ->
                stub()
                    .getInclusionProof(
                        GetInclusionProofRequest.newBuilder().setIndex(a).setTreeSize(b).build())));
    judgeRead(
        FuzzLog.statusOf(
            () ->
                stub()
                    .getInclusionProof(
                        GetInclusionProofRequest.newBuilder()
                            .setLeafHash(ByteString.copyFrom(leafHash))
                            .setTreeSize(b)
                            .build())));
    judgeRead(
        FuzzLog.statusOf(
            () ->
                stub()
                    .getConsistencyProof(
                        GetConsistencyProofRequest.newBuilder().setFirst(a).setSecond(b).build())));
    judgeRead(
        FuzzLog.statusOf(
            () -> {
              Iterator<?> it =
                  stub().getEntries(GetEntriesRequest.newBuilder().setStart(a).setEnd(b).build());
              it.forEachRemaining(x -> {});
            }));
    fuzz.assertUnchanged(before, tally);
  }

  @Property(tries = 80)
  void rawWireBytesToEveryMethodAnswerDocumentedStatuses(
      @ForAll("methods") String method, @ForAll("wire") byte[] wire) {
    tally =
        tally != null ? tally : new FuzzTally("log-server/raw wire bytes", RuntimeException.class);
    GetCheckpointResponse before = fuzz.checkpoint();
    boolean streaming = method.equals("GetEntries");
    MethodDescriptor<byte[], byte[]> desc =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(
                streaming
                    ? MethodDescriptor.MethodType.SERVER_STREAMING
                    : MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(
                MethodDescriptor.generateFullMethodName(
                    method.startsWith("ledger:") ? "tlog.v1.LedgerService" : "tlog.v1.LogService",
                    method.replace("ledger:", "")))
            .setRequestMarshaller(RAW)
            .setResponseMarshaller(RAW)
            .build();
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS);
    Status.Code code =
        FuzzLog.statusOf(
            () -> {
              if (streaming) {
                ClientCalls.blockingServerStreamingCall(fuzz.log.channel, desc, options, wire)
                    .forEachRemaining(x -> {});
              } else {
                ClientCalls.blockingUnaryCall(fuzz.log.channel, desc, options, wire);
              }
            });
    if (!FuzzLog.DOCUMENTED.contains(code)) {
      throw tally.unexpected(method + " answered " + code);
    }
    GetCheckpointResponse after = fuzz.checkpoint();
    boolean appended = after.getSize() != before.getSize();
    if (appended && !(code == Status.Code.OK && method.startsWith("Append"))) {
      throw tally.unexpected(method + " answered " + code + " but the log grew");
    }
    tally.count(code != Status.Code.OK);
  }

  @AfterProperty
  void stop() throws InterruptedException {
    if (tally != null) {
      tally.print();
    }
    fuzz.close();
  }

  private void judgeAppend(Status.Code code, GetCheckpointResponse before, int n) {
    GetCheckpointResponse after = fuzz.checkpoint();
    if (code == Status.Code.OK) {
      if (after.getSize() < before.getSize() + n) {
        throw tally.unexpected(
            "OK but the log grew " + before.getSize() + " -> " + after.getSize());
      }
      tally.count(false);
    } else if (code == Status.Code.INVALID_ARGUMENT) {
      if (!after.equals(before)) {
        throw tally.unexpected("rejected, yet the log changed: " + before + " -> " + after);
      }
      tally.count(true);
    } else {
      throw tally.unexpected("append answered " + code);
    }
  }

  private void judgeRead(Status.Code code) {
    if (!FuzzLog.DOCUMENTED.contains(code)) {
      throw tally.unexpected("read answered " + code);
    }
    tally.count(code != Status.Code.OK);
  }

  @Provide
  Arbitrary<byte[]> submissions() {
    return Mutants.of(FuzzLog.submissions());
  }

  @Provide
  Arbitrary<List<byte[]>> batches() {
    return Arbitraries.oneOf(FuzzLog.submissions(), submissions()).list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Long> uint64s() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(0, FuzzLog.SEEDED + 2),
        Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, 1L << 63 - 1));
  }

  @Provide
  Arbitrary<byte[]> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of(
        "Append",
        "AppendBatch",
        "GetCheckpoint",
        "GetInclusionProof",
        "GetConsistencyProof",
        "GetEntries",
        "ledger:Query",
        "ledger:Summarize",
        "ledger:GetWindow",
        "ledger:GetPayloads");
  }

  @Provide
  Arbitrary<byte[]> wire() {
    Arbitrary<byte[]> valid =
        Arbitraries.oneOf(
            FuzzLog.submissions()
                .map(
                    s ->
                        AppendRequest.newBuilder()
                            .setData(ByteString.copyFrom(s))
                            .build()
                            .toByteArray()),
            uint64s()
                .map(
                    n ->
                        GetEntriesRequest.newBuilder()
                            .setStart(n)
                            .setEnd(n + 3)
                            .build()
                            .toByteArray()));
    return Mutants.of(valid);
  }

  private static final MethodDescriptor.Marshaller<byte[]> RAW =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
}
