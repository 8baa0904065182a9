package dev.tlog.runtime.http;

import dev.tlog.runtime.health.Readiness;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The operations routes both servers mount on their HTTP router: {@code GET /healthz} (200 {@code
 * ok} while the process runs), {@code GET /readyz} (200 {@code ready}, or 503 with one line per
 * failed check) and {@code GET /metrics} (Prometheus text format 0.0.4). Mount the probes before
 * any access check, so an orchestrator can probe without a credential, and the metrics after it, so
 * they are read like everything else.
 */
public final class OpsRoutes {
  /** The Prometheus text exposition format the scrape writes. */
  public static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private OpsRoutes() {}

  /** Adds {@code /healthz} and {@code /readyz} (GET and HEAD). */
  public static void probes(Router router, Readiness readiness) {
    router
        .route("/healthz")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(ctx -> plain(ctx, 200, "ok\n"));
    router
        .route("/readyz")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(ctx -> ready(ctx, readiness));
  }

  /** Adds {@code /metrics} (GET and HEAD); the scrape runs on a worker thread. */
  public static void metrics(Router router, PrometheusMeterRegistry registry) {
    router
        .route("/metrics")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(
            ctx ->
                ctx.vertx()
                    .executeBlocking(() -> registry.scrape(METRICS_CONTENT_TYPE), false)
                    .onSuccess(
                        body ->
                            ctx.response()
                                .putHeader("Content-Type", METRICS_CONTENT_TYPE)
                                .putHeader("Cache-Control", "no-store")
                                .end(body))
                    .onFailure(err -> plain(ctx, 500, "internal error\n")));
  }

  private static void ready(RoutingContext ctx, Readiness readiness) {
    List<String> failures = readiness.failures();
    if (failures.isEmpty()) {
      plain(ctx, 200, "ready\n");
    } else {
      plain(ctx, 503, String.join("\n", failures) + "\n");
    }
  }

  private static void plain(RoutingContext ctx, int status, String body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
