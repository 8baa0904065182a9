package dev.tlog.mirror.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP proxy in front of an upstream that a test can re-point, pin to a saved checkpoint,
 * or have flip one byte of one object: the stand-in for a cache or CDN that goes stale, goes bad,
 * or is swapped for another log.
 */
public final class SwitchProxy implements AutoCloseable {
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile String target;
  private volatile byte[] pinnedCheckpoint;
  private volatile String tamperPath;

  private SwitchProxy(String target) throws IOException {
    this.target = target.endsWith("/") ? target : target + "/";
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public static SwitchProxy start(String target) throws IOException {
    return new SwitchProxy(target);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public void pointAt(String newTarget) {
    this.target = newTarget.endsWith("/") ? newTarget : newTarget + "/";
  }

  /** Serves {@code note} as the checkpoint (null: pass the upstream's through). */
  public void pinCheckpoint(byte[] note) {
    this.pinnedCheckpoint = note;
  }

  /** Flips the last byte of the object at {@code path} (null: stop tampering). */
  public void tamper(String path) {
    this.tamperPath = path;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath().substring(1);
      byte[] pinned = pinnedCheckpoint;
      if (path.equals("checkpoint") && pinned != null) {
        reply(ex, 200, "text/plain; charset=utf-8", "no-cache", pinned);
        return;
      }
      HttpResponse<byte[]> r;
      try {
        r =
            http.send(
                HttpRequest.newBuilder(URI.create(target + path))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply(ex, 502, "text/plain", "no-store", new byte[0]);
        return;
      }
      byte[] body = r.body();
      if (path.equals(tamperPath) && body.length > 0) {
        body = body.clone();
        body[body.length - 1] ^= 0x01;
      }
      reply(
          ex,
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse("application/octet-stream"),
          r.headers().firstValue("Cache-Control").orElse("no-store"),
          body);
    }
  }

  private static void reply(HttpExchange ex, int code, String type, String cache, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", cache);
    ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
