package dev.tlog.client.transport;

import com.google.protobuf.ByteString;
import dev.tlog.client.LogSource;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.VerificationException;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetConsistencyProofRequest;
import dev.tlog.proto.v1.GetConsistencyProofResponse;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.proto.v1.GetInclusionProofResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.LogServiceGrpc.LogServiceBlockingStub;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link LogSource} over the gRPC API (spec/api.md). Owns its channel; close it. */
public final class GrpcLogSource implements LogSource {
  private static final long DEADLINE_SECONDS = 30;

  private final ManagedChannel channel;
  private final String target;
  private final RetryPolicy retry;

  public GrpcLogSource(ManagedChannel channel, String target, RetryPolicy retry) {
    this.channel = channel;
    this.target = target;
    this.retry = retry;
  }

  /** A plaintext connection to {@code hostPort} ({@code host:port}). */
  public static GrpcLogSource connect(String hostPort, RetryPolicy retry) {
    return connect(hostPort, retry, ClientSecurity.plaintext());
  }

  /** A connection to {@code hostPort} with {@code security} (TLS, client certificate, token). */
  public static GrpcLogSource connect(String hostPort, RetryPolicy retry, ClientSecurity security) {
    return new GrpcLogSource(security.channel(hostPort, 128 << 20), hostPort, retry);
  }

  /** Appends through this source's channel (closed with this source). */
  public GrpcLogWriter writer() {
    return new GrpcLogWriter(channel, target, retry);
  }

  /** The ledger query service through this source's channel (closed with this source). */
  public GrpcLedgerSource ledger() {
    return new GrpcLedgerSource(channel, target, retry);
  }

  private LogServiceBlockingStub stub() {
    return LogServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public String latestCheckpoint() {
    return GrpcCalls.call(
        "GetCheckpoint",
        retry,
        () -> stub().getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint());
  }

  @Override
  public InclusionProof inclusionProof(long index, long treeSize) {
    var req = GetInclusionProofRequest.newBuilder().setIndex(index).setTreeSize(treeSize).build();
    return inclusion(req, "GetInclusionProof(index " + index + ", size " + treeSize + ")");
  }

  @Override
  public InclusionProof inclusionProofByLeafHash(Hash leafHash, long treeSize) {
    var req =
        GetInclusionProofRequest.newBuilder()
            .setLeafHash(ByteString.copyFrom(leafHash.bytes()))
            .setTreeSize(treeSize)
            .build();
    return inclusion(req, "GetInclusionProof(leaf hash " + leafHash + ", size " + treeSize + ")");
  }

  private InclusionProof inclusion(GetInclusionProofRequest req, String what) {
    GetInclusionProofResponse r = GrpcCalls.call(what, retry, () -> stub().getInclusionProof(req));
    return new InclusionProof(r.getIndex(), r.getTreeSize(), hashes(r.getHashesList(), what));
  }

  @Override
  public ConsistencyProof consistencyProof(long first, long second) {
    String what = "GetConsistencyProof(" + first + ", " + second + ")";
    var req = GetConsistencyProofRequest.newBuilder().setFirst(first).setSecond(second).build();
    GetConsistencyProofResponse r =
        GrpcCalls.call(what, retry, () -> stub().getConsistencyProof(req));
    return new ConsistencyProof(r.getFirst(), r.getSecond(), hashes(r.getHashesList(), what));
  }

  @Override
  public List<byte[]> entries(long start, long end, long treeSize) {
    long to = Math.min(end, treeSize);
    String what = "GetEntries(" + start + ", " + to + ")";
    var req = GetEntriesRequest.newBuilder().setStart(start).setEnd(to).build();
    return GrpcCalls.call(
        what,
        retry,
        () -> {
          List<byte[]> out = new ArrayList<>();
          Iterator<Entry> it = stub().getEntries(req);
          while (it.hasNext()) {
            Entry e = it.next();
            if (e.getIndex() != start + out.size()) {
              throw new VerificationException(
                  what + ": got entry " + e.getIndex() + ", want " + (start + out.size()));
            }
            out.add(e.getData().toByteArray());
          }
          if (out.isEmpty() && start < to) {
            throw new VerificationException(what + ": the log returned no entries");
          }
          return out;
        });
  }

  @Override
  public String describe() {
    return "grpc " + target;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Hash> hashes(List<ByteString> raw, String what) {
    List<Hash> out = new ArrayList<>(raw.size());
    for (ByteString b : raw) {
      try {
        out.add(Hash.of(b.toByteArray()));
      } catch (MerkleException e) {
        throw new VerificationException(what + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
