package dev.tlog.server.explorer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A man in the middle for the explorer: forwards every request on loopback to the real log server
 * and, for the JSON API, changes the answer the way {@link #tamper(Tamper)} says. A page loaded
 * through it must notice.
 */
final class TamperingProxy implements AutoCloseable {
  /** What the proxy changes in {@code /api/v1/entry/<i>} (and, for signatures, the checkpoint). */
  enum Tamper {
    NONE(o -> o),
    /** One bit of the entry, with the leaf hash the server claims recomputed to match. */
    ENTRY(
        o -> {
          byte[] e = Base64.getDecoder().decode(o.getString("entry"));
          int at = new String(e, StandardCharsets.UTF_8).indexOf("\"actor\":\"") + 11;
          e[at] ^= 0x01;
          return o.put("entry", Base64.getEncoder().encodeToString(e))
              .put("leaf_hash", leafHash(e));
        }),
    /** One bit of the first inclusion proof hash. */
    PROOF(
        o -> {
          JsonArray p = o.getJsonArray("inclusion_proof");
          p.set(0, flipHex(p.getString(0)));
          return o;
        }),
    /** One bit of the log's Ed25519 signature on the checkpoint. */
    SIGNATURE(o -> o.put("checkpoint", flipSignature(o.getString("checkpoint")))),
    /** One bit of the chain hash C[i]. */
    CHAIN(o -> o.put("chain_hash", flipHex(o.getString("chain_hash")))),
    /** A payload value other than the one the entry commits to. */
    PAYLOAD(
        o -> {
          String r =
              new String(
                  Base64.getDecoder().decode(o.getString("payload_record")),
                  StandardCharsets.UTF_8);
          String changed = r.replace("disk full", "disk fine");
          return o.put(
              "payload_record",
              Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));
        });

    private final UnaryOperator<JsonObject> change;

    Tamper(UnaryOperator<JsonObject> change) {
      this.change = change;
    }
  }

  private static final Set<String> HOP_HEADERS =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final int upstreamPort;
  private volatile Tamper tamper = Tamper.NONE;

  TamperingProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void tamper(Tamper t) {
    this.tamper = t;
  }

  private void forward(HttpExchange ex) throws IOException {
    try (ex) {
      URI upstream = URI.create("http://127.0.0.1:" + upstreamPort + ex.getRequestURI().toString());
      HttpResponse<byte[]> r;
      try {
        r =
            client.send(
                HttpRequest.newBuilder(upstream).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      byte[] body = r.body();
      String path = ex.getRequestURI().getPath();
      Tamper t = tamper;
      if (r.statusCode() == 200 && t != Tamper.NONE) {
        if (path.startsWith("/api/v1/entry/")) {
          body = encode(t.change.apply(new JsonObject(new String(body, StandardCharsets.UTF_8))));
        } else if (path.equals("/api/v1/checkpoint") && t == Tamper.SIGNATURE) {
          body = encode(t.change.apply(new JsonObject(new String(body, StandardCharsets.UTF_8))));
        }
      }
      r.headers()
          .map()
          .forEach(
              (k, v) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase()) && !k.startsWith(":")) {
                  ex.getResponseHeaders().put(k, List.copyOf(v));
                }
              });
      ex.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
    }
  }

  private static byte[] encode(JsonObject o) {
    return o.encode().getBytes(StandardCharsets.UTF_8);
  }

  static String flipHex(String hex) {
    byte[] b = HexFormat.of().parseHex(hex);
    b[b.length / 2] ^= 0x01;
    return HexFormat.of().formatHex(b);
  }

  /** Flips one bit of the signature (not the key hash) of the first signature line. */
  static String flipSignature(String note) {
    int sep = note.lastIndexOf("\n\n") + 2;
    int end = note.indexOf('\n', sep);
    String line = note.substring(sep, end);
    int space = line.lastIndexOf(' ');
    byte[] sig = Base64.getDecoder().decode(line.substring(space + 1));
    sig[10] ^= 0x01;
    return note.substring(0, sep)
        + line.substring(0, space + 1)
        + Base64.getEncoder().encodeToString(sig)
        + note.substring(end);
  }

  static String leafHash(byte[] entry) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((byte) 0);
      return HexFormat.of().formatHex(d.digest(entry));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
