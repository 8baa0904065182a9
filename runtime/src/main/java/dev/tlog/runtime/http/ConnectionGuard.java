package dev.tlog.runtime.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the listener's open connections, in total and per client IP address, closing each one over
 * {@link HttpLimits} as soon as it is accepted; and closes a connection whose request headers are
 * not complete within the header timeout (slowloris: trickling header bytes keeps the idle timeout
 * from firing). Wired by the log server's {@code TileHttpApi} and the witness's {@code
 * WitnessHttpApi}: {@link #accepted} as the connection handler, {@link #guard} around the router.
 * Handlers may run on any event loop; the counters are thread-safe.
 */
public final class ConnectionGuard {
  private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());

  private final Vertx vertx;
  private final HttpLimits limits;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
  // Header timers by connection; a timer is cancelled when a request's headers have arrived.
  private final Map<HttpConnection, Long> headerTimers = new ConcurrentHashMap<>();

  public ConnectionGuard(Vertx vertx, HttpLimits limits) {
    this.vertx = vertx;
    this.limits = limits;
  }

  /** A request handler that stops the header timer before handing the request on. */
  public Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
    return req -> {
      HttpConnection conn = req.connection();
      cancelHeaderTimer(conn);
      // Keep-alive: the next request's headers get the same time, counted from this response.
      req.response().endHandler(v -> startHeaderTimer(conn));
      next.handle(req);
    };
  }

  /** The connection handler: counts, refuses extras, starts the header timer. */
  public void accepted(HttpConnection conn) {
    String client = clientOf(conn.remoteAddress());
    int total = open.incrementAndGet();
    AtomicInteger mine = perClient.computeIfAbsent(client, k -> new AtomicInteger());
    int fromClient = mine.incrementAndGet();
    conn.closeHandler(v -> released(conn, client));
    if (total > limits.maxConnections() || fromClient > limits.maxConnectionsPerClient()) {
      LOG.log(
          System.Logger.Level.DEBUG,
          () ->
              "refusing HTTP connection from "
                  + client
                  + ": "
                  + total
                  + " open (limit "
                  + limits.maxConnections()
                  + "), "
                  + fromClient
                  + " from this client (limit "
                  + limits.maxConnectionsPerClient()
                  + ")");
      conn.close();
      return;
    }
    startHeaderTimer(conn);
  }

  private void released(HttpConnection conn, String client) {
    cancelHeaderTimer(conn);
    open.decrementAndGet();
    perClient.computeIfPresent(client, (k, n) -> n.decrementAndGet() == 0 ? null : n);
  }

  private void startHeaderTimer(HttpConnection conn) {
    long id = vertx.setTimer(limits.headerTimeout().toMillis(), t -> headersLate(conn, t));
    Long old = headerTimers.put(conn, id);
    if (old != null) {
      vertx.cancelTimer(old);
    }
  }

  private void cancelHeaderTimer(HttpConnection conn) {
    Long id = headerTimers.remove(conn);
    if (id != null) {
      vertx.cancelTimer(id);
    }
  }

  private void headersLate(HttpConnection conn, long timer) {
    if (headerTimers.remove(conn, timer)) {
      conn.close();
    }
  }

  /** Open connections now (for tests and logs). */
  public int open() {
    return open.get();
  }

  private static String clientOf(SocketAddress remote) {
    if (remote == null) {
      return "?";
    }
    String host = remote.hostAddress();
    return host != null ? host : remote.toString();
  }
}
