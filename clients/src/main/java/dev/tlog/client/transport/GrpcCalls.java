package dev.tlog.client.transport;

import dev.tlog.client.Failure;
import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogUnavailableException;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.TlogClientException;
import dev.tlog.client.VerificationException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * The one place where gRPC statuses become client exceptions, and where retries happen. Every
 * status code is mapped deliberately in {@link #FAILURES} to a {@link Failure}, which also fixes
 * the CLI's exit code; there is no catch-all.
 */
public final class GrpcCalls {
  /**
   * Each gRPC status code and what it means to a client. Server-side failures ({@code INTERNAL},
   * {@code UNKNOWN}, {@code DATA_LOSS}) are the log failing, not bad data: UNAVAILABLE, like an
   * unreachable log. A call the log does not implement or refuses is REJECTED. {@code OK} on a
   * failed call is a protocol violation.
   */
  public static final Map<Status.Code, Failure> FAILURES = table();

  /** Codes retried with backoff before giving up as {@link Failure#UNAVAILABLE}. */
  public static final Set<Status.Code> RETRIED =
      Set.of(Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

  private static Map<Status.Code, Failure> table() {
    Map<Status.Code, Failure> t = new EnumMap<>(Status.Code.class);
    t.put(Status.Code.OK, Failure.VERIFICATION_FAILED);
    for (Status.Code c :
        List.of(
            Status.Code.UNAVAILABLE,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.ABORTED,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.CANCELLED,
            Status.Code.INTERNAL,
            Status.Code.UNKNOWN,
            Status.Code.DATA_LOSS)) {
      t.put(c, Failure.UNAVAILABLE);
    }
    for (Status.Code c :
        List.of(
            Status.Code.INVALID_ARGUMENT,
            Status.Code.OUT_OF_RANGE,
            Status.Code.NOT_FOUND,
            Status.Code.FAILED_PRECONDITION,
            Status.Code.ALREADY_EXISTS,
            Status.Code.PERMISSION_DENIED,
            Status.Code.UNAUTHENTICATED,
            Status.Code.UNIMPLEMENTED)) {
      t.put(c, Failure.REJECTED);
    }
    return Collections.unmodifiableMap(t);
  }

  /** Trailer with the server's suggested retry delay (spec/api.md, Limits). */
  public static final Metadata.Key<String> RETRY_AFTER_MS =
      Metadata.Key.of("tlog-retry-after-ms", Metadata.ASCII_STRING_MARSHALLER);

  private GrpcCalls() {}

  /** Runs {@code rpc}, retrying retryable statuses per {@code policy}. */
  public static <T> T call(String what, RetryPolicy policy, Supplier<T> rpc) {
    for (int attempt = 1; ; attempt++) {
      try {
        return rpc.get();
      } catch (StatusRuntimeException e) {
        // A handshake that failed once fails again: say why at once instead of retrying.
        if (tlsFailure(e).isPresent()
            || !isRetryable(e.getStatus())
            || attempt >= policy.maxAttempts()) {
          throw translate(what, e, attempt);
        }
        sleep(policy.delay(attempt, retryAfter(e)));
      }
    }
  }

  /** The TLS failure beneath {@code t}, if the call failed in the handshake. */
  static Optional<SSLException> tlsFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException ssl) {
        return Optional.of(ssl);
      }
    }
    return Optional.empty();
  }

  public static boolean isRetryable(Status s) {
    return RETRIED.contains(s.getCode());
  }

  /** The client exception for a failed call (after {@code attempts} attempts). */
  public static TlogClientException translate(String what, Throwable t, int attempts) {
    Optional<SSLException> tls = tlsFailure(t);
    if (tls.isPresent()) {
      return new LogUnavailableException(
          what
              + ": TLS handshake failed: "
              + tls.get().getMessage()
              + " (is the log's certificate trusted? give --ca FILE with its CA or certificate;"
              + " is the log serving TLS at all?)",
          t);
    }
    Status s = Status.fromThrowable(t);
    String msg =
        what + ": " + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
    return switch (FAILURES.get(s.getCode())) {
      case UNAVAILABLE ->
          new LogUnavailableException(
              msg + " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")", t);
      case REJECTED -> new LogRequestException(s.getCode().name(), msg, t);
      case VERIFICATION_FAILED, LOG_INCONSISTENT, LOCAL_STATE, INCOMPLETE_ANSWER ->
          new VerificationException(msg, t);
    };
  }

  private static Duration retryAfter(StatusRuntimeException e) {
    Metadata trailers = e.getTrailers();
    String v = trailers == null ? null : trailers.get(RETRY_AFTER_MS);
    try {
      return v == null ? null : Duration.ofMillis(Long.parseLong(v));
    } catch (NumberFormatException ignored) {
      return null;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogUnavailableException("interrupted while waiting to retry", e);
    }
  }
}
