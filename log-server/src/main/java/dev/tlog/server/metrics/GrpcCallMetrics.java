package dev.tlog.server.metrics;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Counts gRPC calls as they close (spec/api.md, "Metrics"): append requests by method and status
 * code, proofs served by kind, and the time of each ledger query. A call is counted once, with the
 * status it was closed with, whatever the reason (a refused credential, pushback, a bad request).
 *
 * <p>Threading: gRPC may close calls on any thread; Micrometer's meters are thread-safe.
 */
public final class GrpcCallMetrics implements ServerInterceptor {
  private final MeterRegistry registry;
  private final Counter inclusionProofs;
  private final Counter consistencyProofs;

  public GrpcCallMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.inclusionProofs = proofs("inclusion");
    this.consistencyProofs = proofs("consistency");
  }

  private Counter proofs(String kind) {
    return Counter.builder("tlog.proofs.served")
        .description("Proofs answered OK over gRPC, by kind")
        .tag("kind", kind)
        .register(registry);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String service = call.getMethodDescriptor().getServiceName();
    String method = call.getMethodDescriptor().getBareMethodName();
    long start = System.nanoTime();
    return next.startCall(
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            closed(service, method, status, System.nanoTime() - start);
            super.close(status, trailers);
          }
        },
        headers);
  }

  private void closed(String service, String method, Status status, long nanos) {
    String code = status.getCode().name();
    if ("tlog.v1.LogService".equals(service)) {
      if (method != null && method.startsWith("Append")) {
        Counter.builder("tlog.append.requests")
            .description("Append calls by gRPC method and status code (a stream counts once)")
            .tag("method", method)
            .tag("status", code)
            .register(registry)
            .increment();
      } else if (status.isOk() && "GetInclusionProof".equals(method)) {
        inclusionProofs.increment();
      } else if (status.isOk() && "GetConsistencyProof".equals(method)) {
        consistencyProofs.increment();
      }
    } else if ("tlog.v1.LedgerService".equals(service)) {
      Timer.builder("tlog.ledger.query")
          .description("Time of ledger query calls, by method and status code")
          .tag("method", method == null ? "?" : method)
          .tag("status", code)
          .publishPercentileHistogram()
          .register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }
}
