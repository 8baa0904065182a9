package dev.tlog.client.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.GetWindowRequest;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A ledger-mode log for end-to-end tests: a real {@link LogServerProcess} started with {@code
 * --mode ledger}, reached over real gRPC. When the server serves {@code LedgerService} itself,
 * clients talk to it directly; while it does not (the server's query service is built on another
 * branch), a {@link StandInLedgerService} answers ledger queries from the real log in a {@link
 * GrpcProxy} that forwards every {@code LogService} call to the server unchanged.
 */
public final class LedgerServer implements AutoCloseable {
  private final LogServerProcess process;
  private final GrpcProxy front;
  private final StandInLedgerService standIn;

  private LedgerServer(LogServerProcess process, GrpcProxy front, StandInLedgerService standIn) {
    this.process = process;
    this.front = front;
    this.standIn = standIn;
  }

  public static LedgerServer start(Path dataDir) throws IOException {
    LogServerProcess p = LogServerProcess.startLedger(dataDir, null);
    try {
      if (servesLedger(p.grpc())) {
        System.err.println("LedgerServer: the log server answers ledger queries itself");
        return new LedgerServer(p, null, null);
      }
      System.err.println("LedgerServer: ledger queries answered by the test stand-in");
      StandInLedgerService s = new StandInLedgerService(p.grpc());
      GrpcProxy front = new GrpcProxy(p.grpc(), List.of(s), new Capture(s));
      return new LedgerServer(p, front, s);
    } catch (IOException | RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private static boolean servesLedger(String address) {
    ManagedChannel ch = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
    try {
      LedgerServiceGrpc.newBlockingStub(ch)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .getWindow(GetWindowRequest.getDefaultInstance());
      return true;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() != Status.Code.UNIMPLEMENTED;
    } finally {
      ch.shutdownNow();
    }
  }

  /** {@code host:port} of the log's gRPC API, ledger queries included. */
  public String grpc() {
    return front != null ? front.address() : process.grpc();
  }

  public String http() {
    return process.http();
  }

  public String vkey() {
    return process.vkey();
  }

  /** Whether ledger queries are answered by the test stand-in rather than the server. */
  public boolean standIn() {
    return standIn != null;
  }

  @Override
  public void close() {
    if (front != null) {
      front.close();
      standIn.close();
    }
    process.close();
  }

  /** Hands every submission on its way to the log to the stand-in (payload records). */
  private record Capture(StandInLedgerService standIn) implements GrpcProxy.Tap {
    @Override
    public byte[] onRequest(String method, byte[] message) {
      try {
        if (method.endsWith("/Append") || method.endsWith("/AppendStream")) {
          standIn.capture(AppendRequest.parseFrom(message).getData().toByteArray());
        } else if (method.endsWith("/AppendBatch")) {
          for (ByteString e : AppendBatchRequest.parseFrom(message).getEntriesList()) {
            standIn.capture(e.toByteArray());
          }
        }
      } catch (InvalidProtocolBufferException ignored) {
        // forwarded as is; the log answers it
      }
      return message;
    }
  }
}
