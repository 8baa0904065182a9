package dev.tlog.client.transport;

import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogUnavailableException;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.TlogClientException;
import dev.tlog.client.VerificationException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.function.Supplier;

/** The one place where gRPC statuses become client exceptions, and where retries happen. */
public final class GrpcCalls {
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
        if (!isRetryable(e.getStatus()) || attempt >= policy.maxAttempts()) {
          throw translate(what, e, attempt);
        }
        sleep(policy.delay(attempt, retryAfter(e)));
      }
    }
  }

  public static boolean isRetryable(Status s) {
    return s.getCode() == Status.Code.UNAVAILABLE || s.getCode() == Status.Code.RESOURCE_EXHAUSTED;
  }

  /** The client exception for a failed call (after {@code attempts} attempts). */
  public static TlogClientException translate(String what, Throwable t, int attempts) {
    Status s = Status.fromThrowable(t);
    String msg =
        what + ": " + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
    return switch (s.getCode()) {
      case UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED, CANCELLED ->
          new LogUnavailableException(
              msg + " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")", t);
      case INVALID_ARGUMENT, OUT_OF_RANGE, NOT_FOUND, FAILED_PRECONDITION ->
          new LogRequestException(s.getCode().name(), msg, t);
      case INTERNAL, UNKNOWN, DATA_LOSS -> new LogUnavailableException(msg, t);
      default -> new VerificationException(msg, t);
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
