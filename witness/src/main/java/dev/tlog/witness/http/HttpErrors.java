package dev.tlog.witness.http;

import dev.tlog.witness.errors.ConflictingCheckpointException;
import dev.tlog.witness.errors.InconsistentCheckpointException;
import dev.tlog.witness.errors.MalformedRequestException;
import dev.tlog.witness.errors.NotFoundException;
import dev.tlog.witness.errors.OldSizeMismatchException;
import dev.tlog.witness.errors.UnknownOriginException;
import dev.tlog.witness.errors.UnsupportedMediaTypeException;
import dev.tlog.witness.errors.UntrustedCheckpointException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where exceptions become HTTP statuses. Bodies are one line of plain text, except
 * for 409, whose body is the witness's recorded size in {@code text/x.tlog.size} (C2SP
 * tlog-witness).
 */
final class HttpErrors {
  private static final System.Logger LOG = System.getLogger(HttpErrors.class.getName());

  /** C2SP tlog-witness: the content type of a 409 body. */
  static final String SIZE_CONTENT_TYPE = "text/x.tlog.size";

  static final String TEXT = "text/plain; charset=utf-8";

  private HttpErrors() {}

  static void respond(HttpServerResponse response, Throwable t) {
    if (t instanceof OldSizeMismatchException e) {
      size(response, e.current());
    } else if (t instanceof ConflictingCheckpointException e) {
      size(response, e.size());
    } else if (t instanceof MalformedRequestException) {
      text(response, 400, t.getMessage());
    } else if (t instanceof UnsupportedMediaTypeException) {
      text(response, 415, t.getMessage());
    } else if (t instanceof UntrustedCheckpointException) {
      text(response, 403, t.getMessage());
    } else if (t instanceof UnknownOriginException || t instanceof NotFoundException) {
      text(response, 404, t.getMessage());
    } else if (t instanceof InconsistentCheckpointException) {
      text(response, 422, t.getMessage());
    } else {
      LOG.log(System.Logger.Level.ERROR, "internal error serving HTTP", t);
      text(response, 500, "internal error");
    }
  }

  /** Router failures that carry only a status (413 from the body limit, 405, 404 routes). */
  static void failure(RoutingContext ctx) {
    if (ctx.failure() instanceof HttpClosedException) {
      // The client hung up mid-request (e.g. before sending the body it announced): nobody is left
      // to answer, and it is not the witness's fault, so no "internal error" log line either.
      return;
    }
    if (ctx.failure() != null) {
      respond(ctx.response(), ctx.failure());
      return;
    }
    int code = ctx.statusCode();
    String message =
        switch (code) {
          case 413 -> "request body is over the limit of the endpoint";
          case 404 -> "no such resource";
          case 405 -> "method not allowed";
          default -> "request failed";
        };
    text(ctx.response(), code, message);
  }

  /**
   * The router could not decode the request path (a bad percent escape such as {@code %ZZ}): a bad
   * request, answered without the router's SEVERE "Unhandled exception" log line and stack trace.
   */
  static void badPath(RoutingContext ctx) {
    text(ctx.response(), 400, "malformed request path: bad percent-encoding");
  }

  /** The router found no route (404) or none for this method (405, after Vert.x set Allow). */
  static void routeMiss(RoutingContext ctx) {
    text(
        ctx.response(),
        ctx.statusCode(),
        ctx.statusCode() == 405 ? "method not allowed" : "no such resource");
  }

  static void text(HttpServerResponse response, int code, String message) {
    if (response.ended()) {
      return;
    }
    response
        .setStatusCode(code)
        .putHeader("Content-Type", TEXT)
        .putHeader("Cache-Control", "no-store")
        .end(message.replace('\n', ' ') + "\n");
  }

  private static void size(HttpServerResponse response, long size) {
    response
        .setStatusCode(409)
        .putHeader("Content-Type", SIZE_CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(size + "\n");
  }
}
