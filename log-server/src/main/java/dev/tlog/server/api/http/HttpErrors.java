package dev.tlog.server.api.http;

import dev.tlog.ledger.query.FilterException;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.tile.TilePathException;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.errors.NotFoundException;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.errors.OverloadedException;
import dev.tlog.server.errors.PermissionDeniedException;
import dev.tlog.server.errors.StorageFullException;
import dev.tlog.server.errors.UnauthenticatedException;
import dev.tlog.server.errors.UnavailableException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * The one place where exceptions and router misses become HTTP statuses (plain-text body with the
 * message).
 */
public final class HttpErrors {
  private static final System.Logger LOG = System.getLogger(HttpErrors.class.getName());

  /** The methods of every route (RFC 9110 §15.5.6: a 405 names them). */
  static final String ALLOW = "GET, HEAD";

  private HttpErrors() {}

  /** Answers {@code t} as the status its type maps to, with its message as a plain-text body. */
  public static void respond(RoutingContext ctx, Throwable t) {
    HttpServerResponse response = ctx.response();
    int code;
    String message = t.getMessage();
    if (t instanceof TilePathException
        || t instanceof InvalidRequestException
        || t instanceof FilterException) {
      code = 400;
    } else if (t instanceof UnauthenticatedException) {
      code = 401;
      response.putHeader("WWW-Authenticate", "Bearer");
    } else if (t instanceof PermissionDeniedException) {
      code = 403;
    } else if (t instanceof NotFoundException || t instanceof OutOfRangeException) {
      code = 404;
    } else if (t instanceof OverloadedException o) {
      code = 503;
      response.putHeader("Retry-After", Long.toString(Math.max(1, o.retryAfter().toSeconds())));
    } else if (t instanceof UnavailableException || t instanceof StorageFullException) {
      code = 503;
    } else if (t instanceof MerkleException) {
      code = 400;
    } else {
      LOG.log(System.Logger.Level.ERROR, "internal error serving HTTP", t);
      code = 500;
      message = "internal error";
    }
    text(ctx, code, message);
  }

  /** The router found no route for the path. */
  static void noSuchResource(RoutingContext ctx) {
    text(ctx, 404, "no such resource");
  }

  /** Vert.x could not decode the path (a bad percent escape): the client's fault, not ours. */
  static void badPath(RoutingContext ctx) {
    text(ctx, 400, "malformed request path: bad percent-encoding");
  }

  /** The path exists but not for this method; every route of this API is read-only. */
  static void methodNotAllowed(RoutingContext ctx) {
    ctx.response().putHeader("Allow", ALLOW);
    text(ctx, 405, "method not allowed; use GET or HEAD");
  }

  private static void text(RoutingContext ctx, int code, String message) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    response
        .setStatusCode(code)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store");
    end(ctx, response, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Ends {@code response} with {@code body}, or for a HEAD request with its headers only: the same
   * {@code Content-Length} as GET and no body (RFC 9110 §9.3.2). Vert.x does not drop the body.
   */
  public static void end(RoutingContext ctx, HttpServerResponse response, byte[] body) {
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", Integer.toString(body.length)).end();
    } else {
      response.end(Buffer.buffer(body));
    }
  }
}
