package dev.tlog.server.api.http;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.tile.TilePathException;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.errors.NotFoundException;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.errors.OverloadedException;
import dev.tlog.server.errors.UnavailableException;
import io.vertx.core.http.HttpServerResponse;

/** The one place where exceptions become HTTP statuses (plain-text body with the message). */
final class HttpErrors {
  private static final System.Logger LOG = System.getLogger(HttpErrors.class.getName());

  private HttpErrors() {}

  static void respond(HttpServerResponse response, Throwable t) {
    int code;
    String message = t.getMessage();
    if (t instanceof TilePathException || t instanceof InvalidRequestException) {
      code = 400;
    } else if (t instanceof NotFoundException || t instanceof OutOfRangeException) {
      code = 404;
    } else if (t instanceof OverloadedException o) {
      code = 503;
      response.putHeader("Retry-After", Long.toString(Math.max(1, o.retryAfter().toSeconds())));
    } else if (t instanceof UnavailableException) {
      code = 503;
    } else if (t instanceof MerkleException) {
      code = 400;
    } else {
      LOG.log(System.Logger.Level.ERROR, "internal error serving HTTP", t);
      code = 500;
      message = "internal error";
    }
    response
        .setStatusCode(code)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(message + "\n");
  }
}
