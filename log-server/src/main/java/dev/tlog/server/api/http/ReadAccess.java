package dev.tlog.server.api.http;

import dev.tlog.server.errors.UnauthenticatedException;
import dev.tlog.server.security.auth.Authenticator;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code --auth-reads} over HTTP: every request needs {@code Authorization: Bearer <token>} with a
 * token the auth file lists, else 401 (spec/security.md). Answers it lets through are marked {@code
 * private} so that no shared cache hands them to someone without a token. The auth file is checked
 * on a worker thread: it may be re-read from disk.
 */
final class ReadAccess implements Handler<RoutingContext> {
  private final Authenticator authenticator;

  ReadAccess(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> header = Optional.ofNullable(ctx.request().getHeader("Authorization"));
    ctx.vertx()
        .executeBlocking(
            () ->
                authenticator
                    .authenticate(header, List.of())
                    .orElseThrow(
                        () ->
                            new UnauthenticatedException(
                                "reading this log needs a bearer token listed in the log's auth"
                                    + " file")),
            false)
        .onSuccess(
            who -> {
              ctx.addHeadersEndHandler(
                  v -> {
                    String cache = ctx.response().headers().get("Cache-Control");
                    if (cache != null) {
                      ctx.response().putHeader("Cache-Control", cache.replace("public", "private"));
                    }
                  });
              ctx.next();
            })
        .onFailure(err -> HttpErrors.respond(ctx, err));
  }
}
