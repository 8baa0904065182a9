package dev.tlog.server.api.explorer;

import dev.tlog.server.api.http.HttpErrors;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.errors.NotFoundException;
import dev.tlog.server.ledger.Ledger;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.storage.LogStorage;
import dev.tlog.server.witnessing.WitnessPolicy;
import dev.tlog.server.witnessing.Witnessing;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Mounts the web explorer on the log's HTTP router: the read-only JSON API under {@code /api/v1/}
 * and the static pages under {@code /explorer/} ({@code /} redirects there). GET and HEAD only,
 * like every route of the router; reads run on worker threads; errors are answered by {@link
 * HttpErrors}, as for the tiles.
 */
public final class ExplorerRoutes {
  /**
   * No script, style or connection but the log's own: every value on a page is inserted as text,
   * and this keeps an injected tag inert even if one slipped through.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src"
          + " 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final String PREFIX = "/explorer/";
  private static final String JSON = "application/json; charset=utf-8";
  private static final Set<String> NONE = Set.of();

  private final ExplorerReads reads;
  private final ExplorerAssets assets;

  ExplorerRoutes(ExplorerReads reads, ExplorerAssets assets) {
    this.reads = reads;
    this.assets = assets;
  }

  /** Explorer routes over the log's reads; see {@link ExplorerReads} for the parts. */
  public static ExplorerRoutes of(
      LogReads logReads,
      LogStorage storage,
      CheckpointFeed signed,
      CheckpointFeed published,
      String logKey,
      WitnessPolicy witnesses,
      Optional<Witnessing> witnessing,
      Optional<Ledger> ledger) {
    return new ExplorerRoutes(
        new ExplorerReads(
            logReads, storage, signed, published, logKey, witnesses, witnessing, ledger),
        ExplorerAssets.load());
  }

  /** Adds the routes to {@code router}. */
  public void mount(Router router) {
    get(router.route("/")).handler(ctx -> redirect(ctx, "/explorer/"));
    // Vert.x matches "/explorer" with or without the trailing slash; only the bare form redirects.
    get(router.route("/explorer"))
        .handler(
            ctx -> {
              if (ctx.request().path().endsWith("/")) {
                ctx.next();
              } else {
                redirect(ctx, "/explorer/");
              }
            });
    get(router.route("/explorer/*")).handler(this::asset);
    get(router.route("/api/v1/checkpoint"))
        .handler(ctx -> json(ctx, () -> noParams(ctx, reads::checkpoint)));
    get(router.route("/api/v1/witnesses"))
        .handler(ctx -> json(ctx, () -> noParams(ctx, reads::witnesses)));
    get(router.route("/api/v1/entries")).handler(ctx -> json(ctx, () -> entries(ctx)));
    get(router.route("/api/v1/events"))
        .handler(ctx -> json(ctx, () -> reads.events(EventsRequest.parse(ctx.queryParams()))));
    get(router.route("/api/v1/entry/:index")).handler(ctx -> json(ctx, () -> entry(ctx)));
  }

  private static Route get(Route r) {
    return r.method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  private JsonObject entries(RoutingContext ctx) {
    QueryParams q = QueryParams.check(ctx.queryParams(), Set.of("start", "count"), NONE);
    long start = q.number("start", 0, Long.MAX_VALUE, 0);
    int count =
        (int) q.number("count", 1, ExplorerReads.MAX_ENTRIES, ExplorerReads.DEFAULT_ENTRIES);
    return reads.entries(start, count);
  }

  private JsonObject entry(RoutingContext ctx) {
    QueryParams.check(ctx.queryParams(), NONE, NONE);
    return reads.entry(QueryParams.parseNumber("index", ctx.pathParam("index"), 0, Long.MAX_VALUE));
  }

  private static JsonObject noParams(RoutingContext ctx, Callable<JsonObject> answer)
      throws Exception {
    QueryParams.check(ctx.queryParams(), NONE, NONE);
    return answer.call();
  }

  private static void json(RoutingContext ctx, Callable<JsonObject> answer) {
    ctx.vertx()
        .executeBlocking(answer, false)
        .onSuccess(
            body ->
                HttpErrors.end(
                    ctx,
                    ctx.response()
                        .putHeader("Content-Type", JSON)
                        .putHeader("Cache-Control", "no-cache")
                        .putHeader("X-Content-Type-Options", "nosniff"),
                    body.encode().getBytes(StandardCharsets.UTF_8)))
        .onFailure(err -> HttpErrors.respond(ctx, err));
  }

  private void asset(RoutingContext ctx) {
    String full = ctx.request().path();
    String path = full.length() > PREFIX.length() ? full.substring(PREFIX.length()) : "";
    assets
        .find(path)
        .ifPresentOrElse(
            a ->
                HttpErrors.end(
                    ctx,
                    ctx.response()
                        .putHeader("Content-Type", a.contentType())
                        .putHeader("Cache-Control", "no-cache")
                        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Referrer-Policy", "no-referrer"),
                    a.body()),
            () ->
                HttpErrors.respond(
                    ctx, new NotFoundException("no explorer file " + QueryParams.shorten(path))));
  }

  private static void redirect(RoutingContext ctx, String location) {
    HttpServerResponse response =
        ctx.response()
            .setStatusCode(302)
            .putHeader("Location", location)
            .putHeader("Cache-Control", "no-cache");
    HttpErrors.end(ctx, response, new byte[0]);
  }
}
