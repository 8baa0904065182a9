package dev.tlog.server.api.grpc;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.GetConsistencyProofRequest;
import dev.tlog.proto.v1.GetConsistencyProofResponse;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.proto.v1.GetInclusionProofResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.WatchCheckpointsRequest;
import dev.tlog.server.admission.Admission;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.security.auth.AppendGate;
import dev.tlog.server.sequencer.Sequencer;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code tlog.v1.LogService} implementation: validates requests, hands appends to the sequencer
 * and reads to {@link LogReads}, and converts results to messages. Errors go through {@link
 * GrpcErrors}.
 */
public final class LogGrpcService extends LogServiceGrpc.LogServiceImplBase {
  private final Admission admission;
  private final AppendGate gate;
  private final Sequencer sequencer;
  private final LogReads reads;
  private final CheckpointFeed published;
  private final CheckpointWatchers watchers;

  /**
   * {@code watchers} must serve {@code published}; {@code gate} decides which appends are allowed
   * for the caller {@link CallAuthentication} found.
   */
  public LogGrpcService(
      Admission admission,
      AppendGate gate,
      Sequencer sequencer,
      LogReads reads,
      CheckpointFeed published,
      CheckpointWatchers watchers) {
    this.admission = admission;
    this.gate = gate;
    this.sequencer = sequencer;
    this.reads = reads;
    this.published = published;
    this.watchers = watchers;
  }

  @Override
  public void append(AppendRequest request, StreamObserver<AppendResponse> out) {
    submit(
        List.of(request.getData().toByteArray()),
        out,
        results ->
            toProto(results.get(0)).setCheckpoint(results.get(0).checkpoint().note()).build());
  }

  @Override
  public void appendBatch(AppendBatchRequest request, StreamObserver<AppendBatchResponse> out) {
    List<byte[]> entries = new ArrayList<>(request.getEntriesCount());
    for (ByteString b : request.getEntriesList()) {
      entries.add(b.toByteArray());
    }
    submit(
        entries,
        out,
        results -> {
          // Every result of one request shares the batch's checkpoint: it is sent once.
          return AppendBatchResponse.newBuilder()
              .setCheckpoint(results.get(0).checkpoint().note())
              .addAllResults(results.stream().map(r -> toProto(r).build()).toList())
              .build();
        });
  }

  /** Admits {@code entries}, queues them, and answers once with {@code reply} of the results. */
  private <T> void submit(
      List<byte[]> entries, StreamObserver<T> out, Function<List<AppendResult>, T> reply) {
    try {
      sequencer
          .submit(admission.admit(entries, gate.admit(CallAuthentication.current())))
          .whenComplete(
              (results, err) -> {
                if (err != null) {
                  out.onError(GrpcErrors.toStatus(err));
                } else {
                  out.onNext(reply.apply(results));
                  out.onCompleted();
                }
              });
    } catch (RuntimeException e) {
      out.onError(GrpcErrors.toStatus(e));
    }
  }

  @Override
  public StreamObserver<AppendRequest> appendStream(StreamObserver<AppendResponse> out) {
    return new AppendStreamHandler(
        request -> admission.admit(request, gate.admit(CallAuthentication.current())),
        sequencer,
        (ServerCallStreamObserver<AppendResponse>) out,
        LogGrpcService::toProto);
  }

  @Override
  public void getCheckpoint(
      GetCheckpointRequest request, StreamObserver<GetCheckpointResponse> out) {
    answer(out, () -> List.of(toProto(published.current())));
  }

  @Override
  public void getInclusionProof(
      GetInclusionProofRequest request, StreamObserver<GetInclusionProofResponse> out) {
    answer(
        out,
        () -> {
          InclusionProof p =
              switch (request.getLeafCase()) {
                case INDEX -> reads.inclusion(request.getIndex(), request.getTreeSize());
                case LEAF_HASH ->
                    reads.inclusionByLeafHash(
                        request.getLeafHash().toByteArray(), request.getTreeSize());
                case LEAF_NOT_SET ->
                    throw new InvalidRequestException("set either index or leaf_hash");
              };
          GetInclusionProofResponse.Builder b =
              GetInclusionProofResponse.newBuilder().setIndex(p.index()).setTreeSize(p.treeSize());
          p.hashes().forEach(h -> b.addHashes(bytes(h)));
          return List.of(b.build());
        });
  }

  @Override
  public void getConsistencyProof(
      GetConsistencyProofRequest request, StreamObserver<GetConsistencyProofResponse> out) {
    answer(
        out,
        () -> {
          ConsistencyProof p = reads.consistency(request.getFirst(), request.getSecond());
          GetConsistencyProofResponse.Builder b =
              GetConsistencyProofResponse.newBuilder().setFirst(p.first()).setSecond(p.second());
          p.hashes().forEach(h -> b.addHashes(bytes(h)));
          return List.of(b.build());
        });
  }

  @Override
  public void getEntries(GetEntriesRequest request, StreamObserver<Entry> out) {
    long end;
    try {
      end = reads.entriesEnd(request.getStart(), request.getEnd());
    } catch (RuntimeException e) {
      out.onError(GrpcErrors.toStatus(e));
      return;
    }
    new EntriesSender(reads, (ServerCallStreamObserver<Entry>) out, request.getStart(), end)
        .start();
  }

  /**
   * Computes every message of a read first, then sends them and completes; any failure while
   * computing becomes one status (through {@link GrpcErrors}) and nothing is sent.
   */
  private static <T> void answer(StreamObserver<T> out, Supplier<List<T>> messages) {
    List<T> all;
    try {
      all = messages.get();
    } catch (RuntimeException e) {
      out.onError(GrpcErrors.toStatus(e));
      return;
    }
    all.forEach(out::onNext);
    out.onCompleted();
  }

  @Override
  public void watchCheckpoints(
      WatchCheckpointsRequest request, StreamObserver<GetCheckpointResponse> out) {
    watchers.watch((ServerCallStreamObserver<GetCheckpointResponse>) out);
  }

  static GetCheckpointResponse toProto(SignedCheckpoint cp) {
    return GetCheckpointResponse.newBuilder().setCheckpoint(cp.note()).setSize(cp.size()).build();
  }

  /** The acknowledgement without its checkpoint, which callers add where the API wants it. */
  static AppendResponse.Builder toProto(AppendResult r) {
    return AppendResponse.newBuilder()
        .setIndex(r.index())
        .setLeafHash(bytes(r.leafHash()))
        .setChainHash(bytes(r.chainHash()))
        .setDuplicate(r.duplicate());
  }

  private static ByteString bytes(Hash h) {
    return ByteString.copyFrom(h.bytes());
  }
}
