package dev.tlog.witness.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TilePaths;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/** Serves one {@link TestLog}'s hash tiles (C2SP tlog-tiles paths) on a loopback port. */
public final class TileServer implements AutoCloseable {
  private final HttpServer server;

  private TileServer(HttpServer server) {
    this.server = server;
  }

  public static TileServer start(TestLog log) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/tile/", exchange -> serve(exchange, log));
    server.start();
    return new TileServer(server);
  }

  private static void serve(HttpExchange exchange, TestLog log) throws IOException {
    int code = 200;
    byte[] body;
    try {
      TileId tile = TilePaths.parseHashTile(exchange.getRequestURI().getPath().substring(1));
      body = log.tile(tile);
    } catch (MerkleException e) {
      code = 404;
      body = e.getMessage().getBytes();
    }
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The URL prefix, ending in a slash. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
