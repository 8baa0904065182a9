package dev.tlog.server.api.grpc;

import dev.tlog.merkle.MerkleException;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.errors.NotFoundException;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.errors.OverloadedException;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.errors.UnavailableException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;

/** The one place where exceptions become gRPC statuses. */
public final class GrpcErrors {
  /** Trailer carrying the suggested retry delay in milliseconds with RESOURCE_EXHAUSTED. */
  public static final Metadata.Key<String> RETRY_AFTER_MS =
      Metadata.Key.of("tlog-retry-after-ms", Metadata.ASCII_STRING_MARSHALLER);

  private static final System.Logger LOG = System.getLogger(GrpcErrors.class.getName());

  private GrpcErrors() {}

  /** Translates {@code t} into a status exception to hand to a StreamObserver. */
  public static StatusRuntimeException toStatus(Throwable t) {
    Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (e instanceof StatusRuntimeException s) {
      return s;
    }
    if (e instanceof OverloadedException o) {
      Metadata trailers = new Metadata();
      trailers.put(RETRY_AFTER_MS, Long.toString(o.retryAfter().toMillis()));
      return Status.RESOURCE_EXHAUSTED.withDescription(o.getMessage()).asRuntimeException(trailers);
    }
    Status status;
    if (e instanceof InvalidRequestException) {
      status = Status.INVALID_ARGUMENT;
    } else if (e instanceof OutOfRangeException) {
      status = Status.OUT_OF_RANGE;
    } else if (e instanceof NotFoundException) {
      status = Status.NOT_FOUND;
    } else if (e instanceof UnavailableException) {
      status = Status.UNAVAILABLE;
    } else if (e instanceof MerkleException) {
      status = Status.INVALID_ARGUMENT;
    } else if (e instanceof StateMismatchException || e instanceof StorageException) {
      LOG.log(System.Logger.Level.ERROR, "internal error", e);
      status = Status.INTERNAL;
    } else {
      LOG.log(System.Logger.Level.ERROR, "unexpected error", e);
      return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }
    return status.withDescription(e.getMessage()).asRuntimeException();
  }
}
