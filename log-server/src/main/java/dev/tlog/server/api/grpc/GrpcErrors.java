package dev.tlog.server.api.grpc;

import dev.tlog.ledger.query.FilterException;
import dev.tlog.merkle.MerkleException;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.errors.LogClosedException;
import dev.tlog.server.errors.NotFoundException;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.errors.OverloadedException;
import dev.tlog.server.errors.PermissionDeniedException;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.errors.StorageFullException;
import dev.tlog.server.errors.UnauthenticatedException;
import dev.tlog.server.errors.UnavailableException;
import dev.tlog.server.errors.WrongModeException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;

/**
 * The one place where exceptions become gRPC statuses. Same policy as the HTTP API's {@code
 * HttpErrors}: bad input (including a bad ledger filter), pushback (a full queue or a credential's
 * rate limit), a missing or refused credential ({@code UNAUTHENTICATED}, {@code
 * PERMISSION_DENIED}), a request for the other log mode ({@code FAILED_PRECONDITION}) and a full
 * disk ({@code RESOURCE_EXHAUSTED}, "disk full ...", no retry trailer: space must be freed first)
 * keep their clear message; storage, state and unexpected failures are logged here with their
 * detail and reach the caller only as {@code INTERNAL: internal error}, so no storage path or
 * exception text leaks to callers.
 */
public final class GrpcErrors {
  /** Trailer carrying the suggested retry delay in milliseconds with RESOURCE_EXHAUSTED. */
  public static final Metadata.Key<String> RETRY_AFTER_MS =
      Metadata.Key.of("tlog-retry-after-ms", Metadata.ASCII_STRING_MARSHALLER);

  /** All a caller learns of an internal failure; the detail is in the server log. */
  public static final String INTERNAL_MESSAGE = "internal error";

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
    if (e instanceof StorageFullException) {
      // Logged: an operator must free space; the caller gets the clear cause, not INTERNAL.
      LOG.log(System.Logger.Level.ERROR, "append refused: " + e.getMessage(), e);
      status = Status.RESOURCE_EXHAUSTED;
    } else if (e instanceof InvalidRequestException || e instanceof FilterException) {
      status = Status.INVALID_ARGUMENT;
    } else if (e instanceof UnauthenticatedException) {
      status = Status.UNAUTHENTICATED;
    } else if (e instanceof PermissionDeniedException) {
      status = Status.PERMISSION_DENIED;
    } else if (e instanceof WrongModeException || e instanceof LogClosedException) {
      status = Status.FAILED_PRECONDITION;
    } else if (e instanceof OutOfRangeException) {
      status = Status.OUT_OF_RANGE;
    } else if (e instanceof NotFoundException) {
      status = Status.NOT_FOUND;
    } else if (e instanceof UnavailableException) {
      status = Status.UNAVAILABLE;
    } else if (e instanceof MerkleException) {
      status = Status.INVALID_ARGUMENT;
    } else {
      String kind =
          e instanceof StateMismatchException || e instanceof StorageException
              ? "storage or state error"
              : "unexpected error";
      LOG.log(System.Logger.Level.ERROR, kind + " serving gRPC", e);
      return Status.INTERNAL.withDescription(INTERNAL_MESSAGE).asRuntimeException();
    }
    return status.withDescription(e.getMessage()).asRuntimeException();
  }
}
