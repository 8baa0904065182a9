package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.runtime.logging.LogCapture;
import dev.tlog.server.testing.TestLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEAD answers like GET without a body (tlog-tiles clients and CDNs probe with it); unknown paths
 * and wrong methods answer a one-line plain-text message, 405 with an {@code Allow} header.
 */
class HttpMethodsTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<byte[]> send(TestLog log, String method, String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + log.server.httpPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void headAnswersLikeGetWithoutABody() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
      for (int i = 0; i < 3; i++) {
        b.addEntries(ByteString.copyFromUtf8("e" + i));
      }
      log.blocking.appendBatch(b.build());
      for (String path :
          List.of("/checkpoint", "/vkey", "/tile/0/000.p/3", "/tile/entries/000.p/3")) {
        HttpResponse<byte[]> get = send(log, "GET", path);
        HttpResponse<byte[]> head = send(log, "HEAD", path);
        assertEquals(200, get.statusCode(), path);
        assertEquals(200, head.statusCode(), path);
        assertArrayEquals(new byte[0], head.body(), path);
        for (String h : List.of("Content-Type", "Cache-Control", "Content-Length")) {
          assertEquals(get.headers().firstValue(h), head.headers().firstValue(h), path + " " + h);
        }
      }
      HttpResponse<byte[]> beyond = send(log, "HEAD", "/tile/0/000");
      assertEquals(404, beyond.statusCode());
      assertArrayEquals(new byte[0], beyond.body());
    }
  }

  @Test
  void unknownPathsAndWrongMethodsArePlainText() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      // "/" redirects to the explorer (ExplorerApiTest).
      for (String path : List.of("/nope", "/api/v1/nope", "/checkpoint/x", "/tilex/0/000")) {
        HttpResponse<byte[]> r = send(log, "GET", path);
        assertEquals(404, r.statusCode(), path);
        assertEquals(
            "text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""), path);
        assertEquals("no such resource\n", new String(r.body()), path);
      }
      for (String method : List.of("POST", "PUT", "DELETE")) {
        for (String path : List.of("/checkpoint", "/vkey", "/tile/0/000")) {
          HttpResponse<byte[]> r = send(log, method, path);
          assertEquals(405, r.statusCode(), method + " " + path);
          assertEquals(
              "text/plain; charset=utf-8",
              r.headers().firstValue("Content-Type").orElse(""),
              method + " " + path);
          assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
          assertEquals("method not allowed; use GET or HEAD\n", new String(r.body()));
        }
      }
    }
  }

  /** java.net.URI refuses a bad escape, so the request goes over a plain socket. */
  private static String rawGet(TestLog log, String path) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", log.server.httpPort())) {
      s.setSoTimeout(5000);
      String req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void badPercentEncodingIsAQuietPlainText400() throws Exception {
    LogCapture capture = LogCapture.open();
    try (TestLog log = TestLog.start(dir)) {
      for (String path : List.of("/tile/%ZZ", "/checkpoint%", "/tile/0/x00%2")) {
        String r = rawGet(log, path);
        assertEquals(true, r.startsWith("HTTP/1.1 400 "), path + ": " + r);
        assertEquals(
            true,
            r.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/plain"),
            path + ": " + r);
      }
    } finally {
      capture.close();
    }
    assertEquals(
        List.of(),
        capture.events().stream()
            .filter(r -> r.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
            .map(r -> r.getLoggerName() + ": " + r.getFormattedMessage())
            .toList(),
        "ERROR log records");
  }

  /** Found by TileHttpFuzzTest: the codec's own 400/414/431 came with an empty body. */
  @Test
  void requestsTheCodecCannotDecodeGetAPlainTextAnswer() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      int port = log.server.httpPort();
      String badMethod = rawExchange(port, "G\u00c9T /checkpoint HTTP/1.1\r\nHost: x\r\n\r\n");
      String longLine = rawExchange(port, "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n\r\n");
      String bigHeader =
          rawExchange(port, "GET /vkey HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
      for (String[] want :
          new String[][] {
            {badMethod, "400", "malformed request"},
            {longLine, "414", "request line too long"},
            {bigHeader, "431", "request headers too large"}
          }) {
        String got = want[0];
        assertTrue(got.matches("(?s)HTTP/1\\.[01] " + want[1] + " .*"), got);
        assertTrue(
            got.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/plain"), got);
        assertTrue(got.endsWith("\r\n\r\n" + want[2] + "\n"), got);
      }
    }
  }

  private static String rawExchange(int port, String request) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      try {
        s.getInputStream().transferTo(got);
      } catch (java.io.IOException e) {
        // A reset after the answer: keep what arrived.
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
