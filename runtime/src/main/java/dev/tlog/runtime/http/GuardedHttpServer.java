package dev.tlog.runtime.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * Starts an HTTP listener of one of our programs the one way they all do it: {@code limits} applied
 * by Vert.x (idle timeout, request line and header sizes) and by a {@link ConnectionGuard} (total
 * and per-address connections, header timeout), accept errors logged without dying at descriptor
 * exhaustion ({@link AcceptErrorLogging}), and undecodable requests answered in plain text ({@link
 * UndecodableRequests}).
 */
public final class GuardedHttpServer {
  private GuardedHttpServer() {}

  /**
   * Listens on {@code host:port} with {@code base} (TLS, when set) and {@code router} behind the
   * guard. The future completes once bound.
   */
  public static Future<HttpServer> listen(
      Vertx vertx,
      HttpServerOptions base,
      HttpLimits limits,
      Router router,
      String host,
      int port) {
    AcceptErrorLogging.prepare();
    ConnectionGuard guard = new ConnectionGuard(vertx, limits);
    return vertx
        .createHttpServer(serverOptions(base, limits))
        .connectionHandler(guard::accepted)
        .invalidRequestHandler(UndecodableRequests::answer)
        .requestHandler(guard.guard(router))
        .listen(port, host);
  }

  /**
   * {@code base} with Vert.x's own limits from {@code limits}. HTTP/1.1 only: with HTTP/2 enabled
   * Vert.x reports a connection only once a whole request has arrived, so idle and slowloris
   * connections would never be counted or timed.
   */
  static HttpServerOptions serverOptions(HttpServerOptions base, HttpLimits limits) {
    return new HttpServerOptions(base)
        .setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxInitialLineLength(limits.maxInitialLineLength())
        .setMaxHeaderSize(limits.maxHeaderSize());
  }
}
