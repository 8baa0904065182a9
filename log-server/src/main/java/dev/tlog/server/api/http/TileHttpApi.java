package dev.tlog.server.api.http;

import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileObjects;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.merkle.tile.TileRef;
import dev.tlog.runtime.health.Readiness;
import dev.tlog.runtime.http.GuardedHttpServer;
import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.runtime.http.OpsRoutes;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.errors.NotFoundException;
import dev.tlog.server.metrics.LogMetrics;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.security.auth.Authenticator;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The C2SP tlog-tiles read API over Vert.x: {@code /checkpoint}, {@code /tile/<L>/<N>[.p/<W>]},
 * {@code /tile/entries/<N>[.p/<W>]}, plus {@code /vkey} and the operations routes {@code /healthz},
 * {@code /readyz} and {@code /metrics} (spec/api.md, "Operations: metrics, health and logs").
 * {@code /checkpoint} is the latest published checkpoint (with cosignatures when witnesses are
 * configured); tiles are served up to the latest signed checkpoint, which is never smaller. Every
 * route answers GET and HEAD. LMDB reads run on worker threads, never on the event loop.
 */
public final class TileHttpApi {

  private final Vertx vertx;
  private final LogReads reads;
  private final CheckpointFeed published;
  private final LogStorage storage;
  private final String verifierKey;
  private final HttpLimits limits;
  private final List<Consumer<Router>> moreRoutes = new ArrayList<>();
  private final Ops ops;

  /**
   * What the listener serves besides the log (spec/api.md, "Metrics" and "Health").
   *
   * @param metrics counts the tiles served
   * @param registry scraped at {@code /metrics}
   * @param readiness the checks behind {@code /readyz}
   */
  public record Ops(LogMetrics metrics, PrometheusMeterRegistry registry, Readiness readiness) {}

  public TileHttpApi(
      Vertx vertx,
      LogReads reads,
      CheckpointFeed published,
      LogStorage storage,
      String verifierKey,
      HttpLimits limits,
      Ops ops) {
    this.vertx = vertx;
    this.ops = ops;
    this.limits = limits;
    this.reads = reads;
    this.published = published;
    this.storage = storage;
    this.verifierKey = verifierKey;
  }

  /** Adds the routes {@code mount} puts on the router (the explorer's), before it listens. */
  public TileHttpApi withRoutes(Consumer<Router> mount) {
    moreRoutes.add(mount);
    return this;
  }

  /** Starts listening in plaintext with public reads; the future completes once bound. */
  public Future<HttpServer> listen(String host, int port) {
    return listen(host, port, new HttpServerOptions(), Optional.empty());
  }

  /**
   * Starts listening with {@code options} (TLS, spec/security.md); with {@code readers}, every
   * request needs a bearer token it accepts ({@code --auth-reads}). The future completes once
   * bound.
   */
  public Future<HttpServer> listen(
      String host, int port, HttpServerOptions options, Optional<Authenticator> readers) {
    Router router = Router.router(vertx);
    // Probes before the access check (an orchestrator has no token); metrics after it.
    OpsRoutes.probes(router, ops.readiness());
    readers.ifPresent(a -> router.route().handler(new ReadAccess(a)));
    OpsRoutes.metrics(router, ops.registry());
    // HEAD on every route: tlog-tiles clients and CDNs probe with it; Vert.x sends no body.
    router
        .route("/checkpoint")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(this::checkpoint);
    router.route("/vkey").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::vkey);
    router
        .routeWithRegex("/tile/.*")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(this::tile);
    moreRoutes.forEach(m -> m.accept(router));
    router.errorHandler(400, HttpErrors::badPath);
    router.errorHandler(404, HttpErrors::noSuchResource);
    router.errorHandler(405, HttpErrors::methodNotAllowed);
    return GuardedHttpServer.listen(vertx, options, limits, router, host, port);
  }

  private void checkpoint(RoutingContext ctx) {
    serve(ctx, TileObjects.TEXT, TileObjects.NO_CACHE, () -> utf8(published.current().note()));
  }

  private void vkey(RoutingContext ctx) {
    serve(ctx, TileObjects.TEXT, "public, max-age=3600", () -> utf8(verifierKey + "\n"));
  }

  private void tile(RoutingContext ctx) {
    String path = ctx.request().path().substring(1);
    serveBlocking(
        ctx,
        () -> {
          TileRef ref = TilePaths.parse(path);
          long size = reads.signedSize();
          if (ref instanceof TileId t) {
            Body body = new Body(hashTile(t, size), TileObjects.cacheControl(t.width()));
            ops.metrics().tileServed(false);
            return body;
          }
          EntryBundleId b = (EntryBundleId) ref;
          Body body = new Body(entryBundle(b, size), TileObjects.cacheControl(b.width()));
          ops.metrics().tileServed(true);
          return body;
        });
  }

  private byte[] hashTile(TileId t, long size) {
    int available = TileMath.widthAt(t.level(), t.index(), size);
    if (t.width() > available) {
      throw new NotFoundException(
          "tile "
              + TilePaths.format(t)
              + " is not in the tree of size "
              + size
              + " (has width "
              + available
              + ")");
    }
    try (LogReader r = storage.reader()) {
      return r.hashTile(t.level(), t.index(), t.width());
    }
  }

  private byte[] entryBundle(EntryBundleId b, long size) {
    int available = TileMath.entryBundleWidthAt(b.index(), size);
    if (b.width() > available) {
      throw new NotFoundException(
          "entry bundle "
              + TilePaths.format(b)
              + " is not in the tree of size "
              + size
              + " (has width "
              + available
              + ")");
    }
    try (LogReader r = storage.reader()) {
      return r.entryBundle(b.index(), b.width());
    }
  }

  private record Body(byte[] bytes, String cacheControl) {}

  private void serve(RoutingContext ctx, String contentType, String cache, Callable<byte[]> body) {
    serveBlocking(ctx, () -> new Body(body.call(), cache), contentType);
  }

  private void serveBlocking(RoutingContext ctx, Callable<Body> body) {
    serveBlocking(ctx, body, TileObjects.OCTETS);
  }

  private void serveBlocking(RoutingContext ctx, Callable<Body> body, String contentType) {
    vertx
        .executeBlocking(body, false)
        .onSuccess(
            b ->
                HttpErrors.end(
                    ctx,
                    ctx.response()
                        .putHeader("Content-Type", contentType)
                        .putHeader("Cache-Control", b.cacheControl()),
                    b.bytes()))
        .onFailure(err -> HttpErrors.respond(ctx, err));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
