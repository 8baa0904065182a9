package dev.tlog.server.fuzz;

import dev.tlog.merkle.fuzz.FuzzTally;
import dev.tlog.merkle.fuzz.FuzzTries;
import dev.tlog.merkle.fuzz.Mutants;
import dev.tlog.proto.v1.GetCheckpointResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The tile HTTP listener (spec/tiles.md, spec/api.md) over raw loopback sockets: random and mutated
 * paths, percent-escapes, methods, headers and bodies. Every answer is a documented status — 200
 * for a resource, 302 from {@code /} or {@code /explorer} to the explorer, 400, 404, 405, or
 * 400/414/431 for a request the codec cannot decode — never 5xx; every error has a text/plain body;
 * the log's checkpoint never changes.
 */
@AddLifecycleHook(FuzzTries.Endpoints.class)
class TileHttpFuzzTest {
  private static final Set<Integer> DOCUMENTED = Set.of(200, 302, 400, 404, 405, 414, 431);
  private static final List<String> PATHS =
      List.of(
          "/checkpoint",
          "/vkey",
          "/tile/0/000",
          "/tile/0/000.p/5",
          "/tile/1/000.p/1",
          "/tile/entries/000.p/12",
          "/tile/entries/000",
          "/tile/0/x001/234.p/7",
          "/",
          "/tile/",
          "/checkpoint?x=1",
          "/tile/0/%30%30%30",
          "/%zz",
          "/tile/%2e%2e/000",
          "*",
          "http://127.0.0.1/checkpoint");
  private static final List<String> METHODS =
      List.of(
          "GET",
          "GET",
          "GET",
          "HEAD",
          "HEAD",
          "POST",
          "PUT",
          "DELETE",
          "OPTIONS",
          "PATCH",
          "TRACE",
          "CONNECT",
          "get",
          "BREW",
          "G\u00c9T",
          "");
  private static final List<String> HEADERS =
      List.of(
          "Range: bytes=0-3",
          "Range: bytes=99999999999999999999-",
          "Accept-Encoding: gzip, br",
          "If-None-Match: *",
          "Content-Type: text/plain",
          "Content-Length: 5",
          "Content-Length: -1",
          "Content-Length: 99999999999999999999",
          "Transfer-Encoding: chunked",
          "Expect: 100-continue",
          "Authorization: Bearer \u00ff\u00fe",
          "X-Long: " + "a".repeat(20_000),
          "No colon here",
          ": empty name",
          "Host: other.example",
          "Connection: keep-alive, upgrade",
          "Upgrade: h2c");

  private final FuzzLog fuzz = new FuzzLog();
  private final GetCheckpointResponse before = fuzz.checkpoint();
  private FuzzTally tally;

  @Property(tries = 120)
  void anyRequestGetsADocumentedStatus(
      @ForAll("methods") String method,
      @ForAll("targets") byte[] target,
      @ForAll("headers") List<String> headers,
      @ForAll("bodies") byte[] body)
      throws IOException {
    tally = tally != null ? tally : new FuzzTally("log-server/tile HTTP", RuntimeException.class);
    ByteArrayOutputStream req = new ByteArrayOutputStream();
    req.writeBytes((method + " ").getBytes(StandardCharsets.UTF_8));
    req.writeBytes(target);
    req.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.UTF_8));
    for (String h : headers) {
      req.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    req.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    req.writeBytes(body);
    String response = send(req.toByteArray());
    if (response.isEmpty()) {
      // The codec dropped a request it could not frame, without an answer: nothing was served.
      tally.count(true);
      return;
    }
    // The codec answers a request line it cannot read as HTTP/1.0.
    if (!response.startsWith("HTTP/1.1 ") && !response.startsWith("HTTP/1.0 ")) {
      throw tally.unexpected("not an HTTP response: " + head(response));
    }
    int status = Integer.parseInt(response.substring(9, 12));
    if (!DOCUMENTED.contains(status)) {
      throw tally.unexpected("status " + status + " for " + head(response));
    }
    String lower = response.toLowerCase(Locale.ROOT);
    if (status >= 400 && !lower.contains("\r\ncontent-type: text/plain")) {
      throw tally.unexpected("error without a text/plain body: " + head(response));
    }
    if (status == 302 && !lower.contains("\r\nlocation: /explorer/")) {
      throw tally.unexpected("a redirect elsewhere than /explorer/: " + head(response));
    }
    tally.count(status != 200 && status != 302);
  }

  @AfterProperty
  void stop() throws InterruptedException {
    try {
      GetCheckpointResponse after = fuzz.checkpoint();
      if (!after.equals(before)) {
        throw new AssertionError("HTTP requests changed the log: " + before + " -> " + after);
      }
    } finally {
      if (tally != null) {
        tally.print();
      }
      fuzz.close();
    }
  }

  private String send(byte[] request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", fuzz.log.server.httpPort()), 10_000);
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try {
        out.write(request);
        out.flush();
        s.shutdownOutput();
      } catch (IOException e) {
        // The server may answer and close before reading a long request: read what it sent.
      }
      try {
        s.getInputStream().transferTo(got);
      } catch (IOException e) {
        // A reset after (or instead of) the response: keep what arrived.
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static String head(String response) {
    return response.substring(0, Math.min(300, response.length())).replace("\r\n", " | ");
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of(METHODS), Arbitraries.strings().withCharRange('!', '~').ofMaxLength(12));
  }

  @Provide
  Arbitrary<byte[]> targets() {
    return Arbitraries.oneOf(
        Arbitraries.of(PATHS).map(p -> p.getBytes(StandardCharsets.UTF_8)),
        Mutants.of(Arbitraries.of(PATHS).map(p -> p.getBytes(StandardCharsets.UTF_8))),
        Arbitraries.strings()
            .withCharRange('!', '~')
            .ofMaxLength(200)
            .map(p -> ("/" + p).getBytes(StandardCharsets.UTF_8)),
        Arbitraries.strings()
            .withChars("0123456789abcdefABCDEF%/.")
            .ofMaxLength(80)
            .map(p -> ("/tile/" + p).getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<List<String>> headers() {
    return Arbitraries.oneOf(
            Arbitraries.of(HEADERS),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).map(v -> "X-Fuzz: " + v))
        .list()
        .ofMaxSize(3);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.just(new byte[0]), Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
  }
}
