package dev.tlog.bench.load;

import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.LogServiceGrpc.LogServiceBlockingStub;
import dev.tlog.proto.v1.LogServiceGrpc.LogServiceStub;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel to the log and its stubs. Blocking calls get a 60 s deadline so a stuck server
 * fails the scenario instead of hanging it. Thread-safe, as gRPC stubs are.
 */
public final class LogClient implements AutoCloseable {
  private static final long DEADLINE_SECONDS = 60;
  private static final int MAX_MESSAGE_BYTES = 64 << 20;

  private final ManagedChannel channel;

  public LogClient(Endpoints endpoints) {
    this.channel =
        Grpc.newChannelBuilder(endpoints.grpcTarget(), InsecureChannelCredentials.create())
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .build();
  }

  /** A blocking stub with a fresh deadline; take one per call. */
  public LogServiceBlockingStub blocking() {
    return LogServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  /** An asynchronous stub without a deadline (streams and open-loop calls). */
  public LogServiceStub async() {
    return LogServiceGrpc.newStub(channel);
  }

  /** The size of the latest signed checkpoint. */
  public long size() {
    return blocking().getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
