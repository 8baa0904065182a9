package dev.tlog.witness.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.merkle.witness.AddCheckpointFormatException;
import dev.tlog.merkle.witness.AddCheckpointRequest;
import dev.tlog.runtime.health.Readiness;
import dev.tlog.runtime.http.GuardedHttpServer;
import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.runtime.http.OpsRoutes;
import dev.tlog.witness.config.WitnessConfig;
import dev.tlog.witness.core.SubmissionChecker;
import dev.tlog.witness.core.SubmissionCosigner;
import dev.tlog.witness.errors.MalformedRequestException;
import dev.tlog.witness.errors.NotFoundException;
import dev.tlog.witness.errors.UnknownOriginException;
import dev.tlog.witness.errors.UnsupportedMediaTypeException;
import dev.tlog.witness.fork.ForkEvidence;
import dev.tlog.witness.fork.ForkEvidenceStore;
import dev.tlog.witness.metrics.WitnessMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The witness's HTTP API (spec/witness.md): {@code POST /add-checkpoint} (C2SP tlog-witness),
 * {@code GET /vkey}, {@code GET /checkpoint/<origin>}, {@code GET /forks}, {@code GET /forks/<id>}.
 *
 * <p>Threading: handlers never block the event loop. Parsing and signature checks run on Vert.x
 * worker threads; every state transition runs on {@code writer}, a one-thread worker executor, so
 * add-checkpoint requests are applied one at a time.
 */
public final class WitnessHttpApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final WorkerExecutor writer;
  private final WitnessConfig config;
  private final SubmissionChecker checker;
  private final SubmissionCosigner witness;
  private final ForkEvidenceStore forks;
  private final String verifierKey;
  private final HttpLimits limits;
  private final Ops ops;

  /**
   * What the listener serves besides the witness API (spec/witness.md, "Metrics" and "Health").
   *
   * @param metrics counts add-checkpoint results
   * @param registry scraped at {@code /metrics}
   * @param readiness the checks behind {@code /readyz}
   */
  public record Ops(
      WitnessMetrics metrics, PrometheusMeterRegistry registry, Readiness readiness) {}

  public WitnessHttpApi(
      Vertx vertx,
      WorkerExecutor writer,
      WitnessConfig config,
      SubmissionCosigner witness,
      ForkEvidenceStore forks,
      String verifierKey,
      HttpLimits limits,
      Ops ops) {
    this.vertx = vertx;
    this.ops = ops;
    this.limits = limits;
    this.writer = writer;
    this.config = config;
    this.checker = new SubmissionChecker(config);
    this.witness = witness;
    this.forks = forks;
    this.verifierKey = verifierKey;
  }

  /** Starts listening; the future completes once bound. */
  public Future<HttpServer> listen(String host, int port) {
    Router router = Router.router(vertx);
    router
        .post("/add-checkpoint")
        // The type is checked before the body is read: BodyHandler decodes a form or multipart
        // body itself, and its failures (e.g. an over-long form field) are not the witness's.
        // Vert.x runs platform handlers before body handlers.
        .handler((PlatformHandler) this::requireTextBody)
        .handler(BodyHandler.create(false).setBodyLimit(AddCheckpointRequest.MAX_BODY_BYTES))
        .handler(this::addCheckpoint);
    router.get("/vkey").handler(ctx -> ok(ctx, HttpErrors.TEXT, verifierKey + "\n"));
    router.get("/checkpoint/*").handler(this::checkpoint);
    router.get("/forks").handler(this::forkList);
    router.get("/forks/:id").handler(this::fork);
    OpsRoutes.probes(router, ops.readiness());
    OpsRoutes.metrics(router, ops.registry());
    router.route().failureHandler(HttpErrors::failure);
    router.errorHandler(400, HttpErrors::badPath);
    router.errorHandler(404, HttpErrors::routeMiss);
    router.errorHandler(405, HttpErrors::routeMiss);
    return GuardedHttpServer.listen(vertx, new HttpServerOptions(), limits, router, host, port);
  }

  private void requireTextBody(RoutingContext ctx) {
    if (!isTextBody(ctx)) {
      UnsupportedMediaTypeException e =
          new UnsupportedMediaTypeException(
              "add-checkpoint takes a text/plain body (C2SP tlog-witness), got \""
                  + ctx.request().getHeader("Content-Type")
                  + "\"");
      ops.metrics().refused(e);
      HttpErrors.respond(ctx.response(), e);
      return;
    }
    ctx.next();
  }

  private void addCheckpoint(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    vertx
        .executeBlocking(() -> checker.check(parse(bytes)), false)
        .compose(submission -> writer.executeBlocking(() -> witness.apply(submission), true))
        .onSuccess(
            cosignature -> {
              ops.metrics().cosigned();
              ok(ctx, HttpErrors.TEXT, cosignature.toLine());
            })
        .onFailure(
            err -> {
              ops.metrics().refused(err);
              HttpErrors.respond(ctx.response(), err);
            });
  }

  /**
   * C2SP tlog-witness names no request content type, so a body sent without one, or as {@code
   * text/plain} (any parameters), is taken; a body declared as anything else was meant for another
   * endpoint and is refused (415) without being parsed.
   */
  private static boolean isTextBody(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type == null || mediaType(type).equals("text/plain");
  }

  private static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The shared wire format throws merkle's exception; to the witness it is a bad request. */
  private static AddCheckpointRequest parse(byte[] bytes) {
    try {
      return AddCheckpointRequest.parse(bytes);
    } catch (AddCheckpointFormatException e) {
      throw new MalformedRequestException(e.getMessage(), e);
    }
  }

  private void checkpoint(RoutingContext ctx) {
    String raw = ctx.request().path().substring("/checkpoint/".length());
    blocking(
        ctx,
        HttpErrors.TEXT,
        () -> {
          String origin = OriginPath.decode(raw);
          var log = config.log(origin).orElseThrow(() -> new UnknownOriginException(origin));
          return witness
              .latestCosigned(log)
              .orElseThrow(
                  () -> new NotFoundException("no checkpoint cosigned yet for \"" + origin + "\""))
              .serialize();
        });
  }

  private void forkList(RoutingContext ctx) {
    blocking(
        ctx,
        "application/json",
        () -> {
          List<Map<String, String>> out = new ArrayList<>();
          for (String id : forks.ids()) {
            forks
                .read(id)
                .ifPresent(
                    json -> {
                      ForkEvidence e = ForkEvidence.fromJson(json);
                      Map<String, String> item = new LinkedHashMap<>();
                      item.put("id", id);
                      item.put("origin", e.origin());
                      item.put("detected_at", e.detectedAt());
                      item.put("detected_via", e.detectedVia());
                      out.add(item);
                    });
          }
          return JSON.writeValueAsString(Map.of("evidence", out)) + "\n";
        });
  }

  private void fork(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    blocking(
        ctx,
        "application/json",
        () ->
            new String(
                forks
                    .read(id)
                    .orElseThrow(() -> new NotFoundException("no fork evidence with id " + id)),
                StandardCharsets.UTF_8));
  }

  private void blocking(RoutingContext ctx, String contentType, Callable<String> body) {
    vertx
        .executeBlocking(body, false)
        .onSuccess(text -> ok(ctx, contentType, text))
        .onFailure(err -> HttpErrors.respond(ctx.response(), err));
  }

  private static void ok(RoutingContext ctx, String contentType, String body) {
    ctx.response()
        .putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
