package dev.tlog.witness.fuzz;

import dev.tlog.merkle.fuzz.FuzzTally;
import dev.tlog.merkle.fuzz.FuzzTries;
import dev.tlog.merkle.fuzz.Mutants;
import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The witness over real HTTP (C2SP tlog-witness, spec/witness.md): random and mutated {@code
 * add-checkpoint} bodies under random Content-Types, and random methods, paths and headers over raw
 * sockets. Every answer is a documented status, never 5xx; errors are one line of text/plain (409:
 * the recorded size as text/x.tlog.size); after every rejected request the witness's recorded
 * checkpoint and its fork evidence are unchanged.
 */
@AddLifecycleHook(FuzzTries.Endpoints.class)
class WitnessHttpFuzzTest {
  private static final Set<Integer> ADD_CHECKPOINT = Set.of(200, 400, 403, 404, 409, 413, 415, 422);
  private static final Set<Integer> ANY_REQUEST = Set.of(200, 400, 404, 405, 413, 414, 415, 431);
  private static final List<String> CONTENT_TYPES =
      List.of(
          "",
          "",
          "text/plain",
          "text/plain; charset=utf-8",
          "TEXT/PLAIN ; x=y",
          "application/json",
          "application/octet-stream",
          "text/x.tlog.size",
          "multipart/form-data; boundary=x",
          ";;;",
          "text/plain\u00ff");

  private final Path dir;
  private final TestLog log = new TestLog("log.test/fuzz", 7).append(6, "e");
  private final TestWitness witness;
  private final HttpClient http = HttpClient.newHttpClient();
  private FuzzTally tally;

  WitnessHttpFuzzTest() throws IOException {
    dir = Files.createTempDirectory("tlog-witness-fuzz");
    witness = TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()));
    if (witness.post(log.body(0)).statusCode() != 200) {
      throw new IllegalStateException("the witness refused an honest first checkpoint");
    }
    log.append(5, "e"); // the log is at 11, the witness at 6
  }

  @Property(tries = 100)
  void addCheckpointAnswersDocumentedStatusesAndRejectionsChangeNothing(
      @ForAll("bodies") byte[] body, @ForAll("contentTypes") String contentType)
      throws IOException, InterruptedException {
    tally = tally != null ? tally : new FuzzTally("witness/add-checkpoint", RuntimeException.class);
    String before = state();
    HttpRequest.Builder req =
        HttpRequest.newBuilder(witness.url().resolve("add-checkpoint"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!contentType.isEmpty()) {
      req.header("Content-Type", contentType);
    }
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    int status = r.statusCode();
    if (!ADD_CHECKPOINT.contains(status)) {
      throw tally.unexpected("status " + status + ": " + r.body());
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    String want = status == 409 ? "text/x.tlog.size" : "text/plain; charset=utf-8";
    if (!type.equals(want)) {
      throw tally.unexpected("status " + status + " with Content-Type \"" + type + "\"");
    }
    if (status != 200 && !state().equals(before)) {
      throw tally.unexpected("rejected with " + status + ", yet the witness's state changed");
    }
    tally.count(status != 200);
  }

  @Property(tries = 80)
  void anyRequestGetsADocumentedStatus(
      @ForAll("methods") String method,
      @ForAll("targets") byte[] target,
      @ForAll("headers") List<String> headers)
      throws IOException {
    tally =
        tally != null ? tally : new FuzzTally("witness/any HTTP request", RuntimeException.class);
    String before = state();
    ByteArrayOutputStream req = new ByteArrayOutputStream();
    req.writeBytes((method + " ").getBytes(StandardCharsets.UTF_8));
    req.writeBytes(target);
    req.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.UTF_8));
    for (String h : headers) {
      req.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    req.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    String response = send(req.toByteArray());
    if (!response.isEmpty()) {
      if (!response.startsWith("HTTP/1.1 ") && !response.startsWith("HTTP/1.0 ")) {
        throw tally.unexpected("not an HTTP response: " + head(response));
      }
      int status = Integer.parseInt(response.substring(9, 12));
      if (!ANY_REQUEST.contains(status)) {
        throw tally.unexpected("status " + status + " for " + head(response));
      }
      if (status >= 400 && !response.toLowerCase(Locale.ROOT).contains("content-type: text/")) {
        throw tally.unexpected("error without a text body: " + head(response));
      }
      if (status != 200 && !state().equals(before)) {
        throw tally.unexpected("rejected with " + status + ", yet the witness's state changed");
      }
      tally.count(status != 200);
    } else {
      tally.count(true);
    }
  }

  @AfterProperty
  void stop() {
    if (tally != null) {
      tally.print();
    }
    witness.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the witness has recorded: its latest checkpoint for the log and its fork evidence. */
  private String state() {
    return witness.checkpoint(log.origin()).body() + witness.server().forks().ids();
  }

  private String send(byte[] request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", witness.server().port()), 10_000);
      s.setSoTimeout(20_000);
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try {
        s.getOutputStream().write(request);
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
  Arbitrary<byte[]> bodies() {
    return Mutants.of(Arbitraries.of(log.body(6), log.body(0), log.body(11), log.body(3)));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(CONTENT_TYPES);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "BREW"),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(10));
  }

  @Provide
  Arbitrary<byte[]> targets() {
    List<String> paths =
        List.of(
            "/add-checkpoint",
            "/vkey",
            "/checkpoint/log.test%2Ffuzz",
            "/checkpoint/log.test/fuzz",
            "/checkpoint/",
            "/forks",
            "/forks/0",
            "/forks/..%2F..%2Fetc",
            "/%zz",
            "/");
    return Arbitraries.oneOf(
        Arbitraries.of(paths).map(p -> p.getBytes(StandardCharsets.UTF_8)),
        Mutants.of(Arbitraries.of(paths).map(p -> p.getBytes(StandardCharsets.UTF_8))));
  }

  @Provide
  Arbitrary<List<String>> headers() {
    return Arbitraries.oneOf(
            Arbitraries.of(CONTENT_TYPES).map(t -> "Content-Type: " + t),
            Arbitraries.of(
                "Content-Length: 3",
                "Content-Length: 999999999",
                "Transfer-Encoding: chunked",
                "X-Long: " + "a".repeat(20_000),
                "No colon"))
        .list()
        .ofMaxSize(3);
  }
}
