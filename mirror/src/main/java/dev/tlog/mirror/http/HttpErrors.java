package dev.tlog.mirror.http;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.tile.TilePathException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * The one place where exceptions become HTTP statuses, with a one-line plain-text body: a malformed
 * tile path is 400 (as the log server answers), an object outside the mirrored tree 404, a refusal
 * to serve (nothing verified yet, or a proven fork) 503; anything else 500.
 */
final class HttpErrors {
  private static final System.Logger LOG = System.getLogger(HttpErrors.class.getName());

  static final String TEXT = "text/plain; charset=utf-8";

  private HttpErrors() {}

  static void respond(RoutingContext ctx, Throwable t) {
    if (t instanceof TilePathException) {
      text(ctx, 400, t.getMessage());
    } else if (t instanceof NotMirroredException) {
      text(ctx, 404, t.getMessage());
    } else if (t instanceof RefusedException) {
      text(ctx, 503, t.getMessage());
    } else if (t instanceof MerkleException) {
      // A stored object shorter than its served width: the store is damaged, not the request.
      LOG.log(System.Logger.Level.ERROR, "stored object does not fit the served tree", t);
      text(ctx, 500, "internal error");
    } else {
      LOG.log(System.Logger.Level.ERROR, "internal error serving HTTP", t);
      text(ctx, 500, "internal error");
    }
  }

  static void noSuchResource(RoutingContext ctx) {
    text(ctx, 404, "no such resource");
  }

  static void badPath(RoutingContext ctx) {
    text(ctx, 400, "malformed request path: bad percent-encoding");
  }

  static void methodNotAllowed(RoutingContext ctx) {
    ctx.response().putHeader("Allow", "GET, HEAD");
    text(ctx, 405, "method not allowed; use GET or HEAD");
  }

  static void text(RoutingContext ctx, int code, String message) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    response
        .setStatusCode(code)
        .putHeader("Content-Type", TEXT)
        .putHeader("Cache-Control", "no-store");
    end(ctx, response, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Ends with {@code body}, or for HEAD with its length only (RFC 9110 §9.3.2). */
  static void end(RoutingContext ctx, HttpServerResponse response, byte[] body) {
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", Integer.toString(body.length)).end();
    } else {
      response.end(Buffer.buffer(body));
    }
  }
}
