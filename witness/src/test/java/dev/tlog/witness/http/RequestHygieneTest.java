package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.runtime.logging.LogCapture;
import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add-checkpoint refuses bodies declared as another media type (415); a malformed path is a quiet
 * 400, not a SEVERE router error with a stack trace.
 */
class RequestHygieneTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final TestLog log = new TestLog("log.test/hygiene", 4).append(6, "e");
  private LogCapture capture;
  private TestWitness w;

  @BeforeEach
  void start() {
    capture = LogCapture.open();
    w = TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()));
  }

  @AfterEach
  void stop() {
    w.close();
    capture.close();
  }

  private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(w.url().resolve("add-checkpoint"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void otherMediaTypesAre415AndChangeNothing() throws Exception {
    for (String type :
        List.of(
            "application/json",
            "application/x-www-form-urlencoded",
            "text/html",
            "bogus",
            // Found by WitnessHttpFuzzTest: a multipart body was decoded before the type was
            // checked, and a long line in it was a 500.
            "multipart/form-data; boundary=x")) {
      byte[] body =
          type.startsWith("multipart/")
              ? ("--x\r\n" + "a".repeat(100_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : log.body(0);
      HttpResponse<String> r = post(type, body);
      assertEquals(415, r.statusCode(), type + ": " + r.body());
      assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
      assertEquals(
          "add-checkpoint takes a text/plain body (C2SP tlog-witness), got \"" + type + "\"\n",
          r.body());
    }
    assertEquals(404, w.checkpoint(log.origin()).statusCode(), "nothing recorded");
    assertEquals(200, post("text/plain; charset=utf-8", log.body(0)).statusCode());
    log.append(2, "e");
    assertEquals(200, post("Text/Plain", log.body(6)).statusCode());
    log.append(2, "e");
    assertEquals(200, post(null, log.body(8)).statusCode(), "no Content-Type is accepted");
  }

  /** java.net.URI refuses a bad escape, so the request goes over a plain socket. */
  private String rawGet(String path) throws Exception {
    try (Socket s = new Socket("127.0.0.1", w.url().getPort())) {
      s.setSoTimeout(5000);
      String req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void badPercentEncodingIsAQuiet400() throws Exception {
    for (String path : List.of("checkpoint/%ZZ", "checkpoint/%", "checkpoint/a%2", "forks/%G1")) {
      String r = rawGet("/" + path);
      assertEquals(true, r.startsWith("HTTP/1.1 400 "), path + ": " + r);
      assertEquals(
          true, r.toLowerCase(Locale.ROOT).contains("content-type: text/plain; charset=utf-8"), r);
    }
    assertEquals(
        List.of(),
        capture.events().stream()
            .filter(r -> r.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
            .map(r -> r.getLoggerName() + ": " + r.getFormattedMessage())
            .toList(),
        "ERROR log records");
  }
}
