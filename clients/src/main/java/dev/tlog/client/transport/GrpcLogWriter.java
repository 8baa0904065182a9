package dev.tlog.client.transport;

import com.google.protobuf.ByteString;
import dev.tlog.client.AckBatch;
import dev.tlog.client.AppendAck;
import dev.tlog.client.LogWriter;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.VerificationException;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.LogServiceGrpc.LogServiceBlockingStub;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LogWriter} over the gRPC API. The one place that knows where the wire puts the signed
 * checkpoint (spec/api.md, RPCs): in each {@code AppendResponse} of {@code Append}; once per batch
 * in {@code AppendBatchResponse.checkpoint}, the per-result field being empty; and on {@code
 * AppendStream} only when it changed since the last acknowledgement, an empty field meaning the
 * last one sent. Every {@link AckBatch} and stream acknowledgement leaves here with its checkpoint
 * filled in. Shares its channel with the {@link GrpcLogSource} that made it; closing that closes
 * both.
 */
public final class GrpcLogWriter implements LogWriter {
  private static final long DEADLINE_SECONDS = 60;

  private final ManagedChannel channel;
  private final String target;
  private final RetryPolicy retry;

  GrpcLogWriter(ManagedChannel channel, String target, RetryPolicy retry) {
    this.channel = channel;
    this.target = target;
    this.retry = retry;
  }

  private LogServiceBlockingStub stub() {
    return LogServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public AckBatch append(byte[] entry) {
    var req = AppendRequest.newBuilder().setData(ByteString.copyFrom(entry)).build();
    AppendResponse r = GrpcCalls.call("Append", retry, () -> stub().append(req));
    return new AckBatch(r.getCheckpoint(), List.of(ack(r, "Append")));
  }

  @Override
  public AckBatch appendBatch(List<byte[]> entries) {
    var b = AppendBatchRequest.newBuilder();
    entries.forEach(e -> b.addEntries(ByteString.copyFrom(e)));
    AppendBatchRequest req = b.build();
    AppendBatchResponse r = GrpcCalls.call("AppendBatch", retry, () -> stub().appendBatch(req));
    List<AppendAck> acks = new ArrayList<>(r.getResultsCount());
    for (AppendResponse one : r.getResultsList()) {
      acks.add(ack(one, "AppendBatch"));
    }
    return new AckBatch(r.getCheckpoint(), acks);
  }

  @Override
  public AppendStream openStream(AckListener listener) {
    Responses responses = new Responses(listener);
    LogServiceGrpc.newStub(channel).appendStream(responses);
    ClientCallStreamObserver<AppendRequest> requests = responses.requests;
    return new AppendStream() {
      @Override
      public void send(byte[] entry) {
        requests.onNext(AppendRequest.newBuilder().setData(ByteString.copyFrom(entry)).build());
      }

      @Override
      public void finish() {
        requests.onCompleted();
      }
    };
  }

  @Override
  public String describe() {
    return "grpc " + target;
  }

  private static AppendAck ack(AppendResponse r, String what) {
    return new AppendAck(
        r.getIndex(),
        hash(r.getLeafHash(), what + " leaf hash"),
        hash(r.getChainHash(), what + " chain hash"),
        r.getDuplicate());
  }

  private static Hash hash(ByteString b, String what) {
    try {
      return Hash.of(b.toByteArray());
    } catch (MerkleException e) {
      throw new VerificationException(what + ": " + e.getMessage(), e);
    }
  }

  private static final class Responses
      implements ClientResponseObserver<AppendRequest, AppendResponse> {
    private final AckListener listener;
    private ClientCallStreamObserver<AppendRequest> requests;
    // spec/api.md: an empty checkpoint means the last one this stream sent covers the entry.
    private String lastCheckpoint = "";
    private VerificationException malformed;

    Responses(AckListener listener) {
      this.listener = listener;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<AppendRequest> requestStream) {
      this.requests = requestStream;
    }

    @Override
    public void onNext(AppendResponse r) {
      if (!r.getCheckpoint().isEmpty()) {
        lastCheckpoint = r.getCheckpoint();
      }
      AppendAck a;
      try {
        a = ack(r, "AppendStream");
      } catch (VerificationException e) {
        malformed = e;
        requests.cancel("malformed acknowledgement", e);
        return;
      }
      listener.onAck(a, lastCheckpoint);
    }

    @Override
    public void onError(Throwable t) {
      listener.onEnd(malformed != null ? malformed : GrpcCalls.translate("AppendStream", t, 1));
    }

    @Override
    public void onCompleted() {
      listener.onEnd(null);
    }
  }
}
