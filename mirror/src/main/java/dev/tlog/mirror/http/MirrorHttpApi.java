package dev.tlog.mirror.http;

import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileObjects;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.merkle.tile.TileRef;
import dev.tlog.mirror.follow.MirrorStatus;
import dev.tlog.mirror.follow.Served;
import dev.tlog.mirror.store.ForkEvidence;
import dev.tlog.mirror.verify.StoredTree;
import dev.tlog.runtime.health.Readiness;
import dev.tlog.runtime.http.GuardedHttpServer;
import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.runtime.http.OpsRoutes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Serves the mirrored log exactly as the log server's tile API does for the same checkpoint: an
 * object of width {@code w} is served when the served checkpoint gives its position at least that
 * width, cut from the stored body; full objects are immutable, partial ones short-lived. While the
 * mirror holds fork evidence, {@code /checkpoint} and every tile answer 503 and {@code
 * /fork-evidence} serves the two notes.
 */
public final class MirrorHttpApi {
  /** Where the evidence of a fork is served. */
  public static final String FORK_EVIDENCE = "/fork-evidence";

  private final Vertx vertx;
  private final MirrorStatus status;
  private final StoredTree stored;
  private final HttpLimits limits;
  private final PrometheusMeterRegistry registry;
  private final Readiness readiness;

  public MirrorHttpApi(
      Vertx vertx,
      MirrorStatus status,
      StoredTree stored,
      HttpLimits limits,
      PrometheusMeterRegistry registry,
      Readiness readiness) {
    this.vertx = vertx;
    this.status = status;
    this.stored = stored;
    this.limits = limits;
    this.registry = registry;
    this.readiness = readiness;
  }

  /** Starts listening; the future completes once bound. */
  public Future<HttpServer> listen(String host, int port) {
    Router router = Router.router(vertx);
    OpsRoutes.probes(router, readiness);
    OpsRoutes.metrics(router, registry);
    readOnly(router.route("/checkpoint")).handler(this::checkpoint);
    readOnly(router.routeWithRegex("/tile/.*")).handler(this::tile);
    readOnly(router.route(FORK_EVIDENCE)).handler(ctx -> evidence(ctx, ForkEvidence::render));
    readOnly(router.route(FORK_EVIDENCE + "/mirrored"))
        .handler(ctx -> evidence(ctx, ForkEvidence::mirrored));
    readOnly(router.route(FORK_EVIDENCE + "/upstream"))
        .handler(ctx -> evidence(ctx, ForkEvidence::upstream));
    router.errorHandler(400, HttpErrors::badPath);
    router.errorHandler(404, HttpErrors::noSuchResource);
    router.errorHandler(405, HttpErrors::methodNotAllowed);
    return GuardedHttpServer.listen(vertx, new HttpServerOptions(), limits, router, host, port);
  }

  private static Route readOnly(Route route) {
    return route.method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  private void checkpoint(RoutingContext ctx) {
    try {
      byte[] note = served().note();
      send(ctx, TileObjects.TEXT, TileObjects.NO_CACHE, note);
    } catch (RuntimeException e) {
      HttpErrors.respond(ctx, e);
    }
  }

  private void tile(RoutingContext ctx) {
    String path = ctx.request().path().substring(1);
    Callable<Body> read =
        () -> {
          TileRef ref = TilePaths.parse(path);
          long size = served().size();
          int available =
              ref instanceof TileId t
                  ? TileMath.widthAt(t.level(), t.index(), size)
                  : TileMath.entryBundleWidthAt(((EntryBundleId) ref).index(), size);
          if (ref.width() > available) {
            throw new NotMirroredException(
                path
                    + " is not in the mirrored tree of size "
                    + size
                    + " (has width "
                    + available
                    + ")");
          }
          return new Body(stored.read(ref), TileObjects.cacheControl(ref.width()));
        };
    vertx
        .executeBlocking(read, false)
        .onSuccess(body -> send(ctx, TileObjects.OCTETS, body.cacheControl(), body.bytes()))
        .onFailure(err -> HttpErrors.respond(ctx, err));
  }

  private record Body(byte[] bytes, String cacheControl) {}

  private void evidence(RoutingContext ctx, Function<ForkEvidence, String> part) {
    status
        .snapshot()
        .fork()
        .ifPresentOrElse(
            f ->
                send(
                    ctx,
                    HttpErrors.TEXT,
                    "no-store",
                    part.apply(f).getBytes(StandardCharsets.UTF_8)),
            () -> HttpErrors.text(ctx, 404, "no fork evidence: the upstream has not forked"));
  }

  // The checkpoint the request is answered from; refuses while forked or before the first one.
  private Served served() {
    MirrorStatus.Snapshot s = status.snapshot();
    if (s.fork().isPresent()) {
      throw new RefusedException(
          "the upstream log forked: this mirror holds two conflicting signed checkpoints and no"
              + " longer serves the log; evidence at "
              + FORK_EVIDENCE);
    }
    return s.served()
        .orElseThrow(
            () -> new RefusedException("nothing mirrored yet: no verified checkpoint so far"));
  }

  private static void send(RoutingContext ctx, String contentType, String cache, byte[] body) {
    HttpErrors.end(
        ctx,
        ctx.response().putHeader("Content-Type", contentType).putHeader("Cache-Control", cache),
        body);
  }
}
