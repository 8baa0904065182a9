package dev.tlog.server.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.Main;
import dev.tlog.server.security.SecuritySettings;
import dev.tlog.server.testing.TestLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's JSON API over real HTTP on a real log: what each endpoint answers, that answers
 * check out against the signed checkpoint, and that every malformed request is refused whole with a
 * plain-text 400 (or 404 for what the log does not hold yet).
 */
class ExplorerApiTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(TestLog log, String method, String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + log.server.httpPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject json(TestLog log, String path) throws Exception {
    HttpResponse<String> r = send(log, "GET", path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").get());
    return new JsonObject(r.body());
  }

  private static void appendEvents(TestLog log, int n) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    for (int i = 0; i < n; i++) {
      byte[] salt = new byte[32];
      salt[0] = (byte) i;
      b.addEntries(
          ByteString.copyFrom(
              EventCodec.submission(
                  Event.builder()
                      .time(Instant.now())
                      .actor(i % 2 == 0 ? "agent:even" : "agent:odd")
                      .action("acme.step")
                      .severity(i == 3 ? Severity.ERROR : Severity.INFO)
                      .payload("{\"step\":" + i + ",\"word\":\"w" + i + "\"}")
                      .salt(Hash.of(salt))
                      .build())));
    }
    log.blocking.appendBatch(b.build());
  }

  @Test
  void answersCheckOutAgainstTheSignedCheckpoint() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      appendEvents(log, 6);
      JsonObject cp = json(log, "/api/v1/checkpoint");
      long size = cp.getLong("size");
      assertEquals(7, size); // a clock mark and six events
      assertEquals(TestLog.ORIGIN, cp.getString("origin"));
      assertEquals(log.server.verifierKey(), cp.getString("log_key"));
      assertEquals(
          List.of(Map.of("name", TestLog.ORIGIN, "key_hash", keyHash(log), "kind", "log")),
          cp.getJsonArray("signatures").getList());

      JsonObject page = json(log, "/api/v1/entries?start=2&count=3");
      JsonArray entries = page.getJsonArray("entries");
      assertEquals(3, entries.size());
      assertEquals(2, entries.getJsonObject(0).getLong("index"));
      byte[] e2 = Base64.getDecoder().decode(entries.getJsonObject(0).getString("entry"));
      assertEquals(
          TreeHasher.leafHash(e2).toHex(), entries.getJsonObject(0).getString("leaf_hash"));

      JsonObject one = json(log, "/api/v1/entry/4");
      byte[] entry = Base64.getDecoder().decode(one.getString("entry"));
      Hash leaf = TreeHasher.leafHash(entry);
      List<Hash> proof =
          one.getJsonArray("inclusion_proof").stream().map(h -> Hash.fromHex((String) h)).toList();
      Proofs.checkInclusion(
          new InclusionProof(4, one.getLong("tree_size"), proof),
          leaf,
          log.server.signedCheckpoints().current().checkpoint().root());
      assertEquals(
          Hash.fromHex(one.getString("chain_hash")),
          HashChain.next(Hash.fromHex(one.getString("previous_chain_hash")), leaf));
      assertEquals(log.server.signedCheckpoints().current().note(), one.getString("checkpoint"));
      assertTrue(
          new String(
                  Base64.getDecoder().decode(one.getString("payload_record")),
                  StandardCharsets.UTF_8)
              .startsWith("{\"format\":\"tlog-payload/1\""));

      JsonObject odd = json(log, "/api/v1/events?actor=agent:odd&limit=2");
      assertEquals(2, odd.getJsonArray("events").size());
      assertTrue(odd.getBoolean("more"));
      JsonObject rest =
          json(log, "/api/v1/events?actor=agent:odd&limit=2&start=" + odd.getLong("next_start"));
      assertEquals(1, rest.getJsonArray("events").size());
      assertEquals(false, rest.getBoolean("more"));
      JsonObject search = json(log, "/api/v1/events?text=w3&severity=error");
      assertEquals(1, search.getJsonArray("events").size());
      assertEquals(
          List.of(),
          json(log, "/api/v1/events?text=w3&severity=info").getJsonArray("events").getList());

      JsonObject w = json(log, "/api/v1/witnesses");
      assertEquals(0, w.getInteger("quorum"));
      assertEquals(List.of(), w.getJsonArray("witnesses").getList());
    }
  }

  @Test
  void badRequestsAreRefusedWhole() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      appendEvents(log, 2);
      Map<String, String> refused =
          Map.ofEntries(
              Map.entry("/api/v1/entries?count=101", "count must be in [1, 100], got 101"),
              Map.entry("/api/v1/entries?start=-1", "start must be a decimal number, got \"-1\""),
              Map.entry("/api/v1/entries?start=1&start=2", "given more than once"),
              Map.entry("/api/v1/entries?begin=0", "unknown query parameter \"begin\""),
              Map.entry("/api/v1/checkpoint?x=1", "unknown query parameter \"x\""),
              Map.entry("/api/v1/entry/abc", "index must be a decimal number, got \"abc\""),
              Map.entry("/api/v1/entry/99999999999999999999", "index must be a decimal number"),
              Map.entry("/api/v1/events?severity=loud", "severity: unknown severity \"loud\""),
              Map.entry("/api/v1/events?limit=0", "limit must be in [1, 100], got 0"),
              Map.entry("/api/v1/events?from=yesterday", "from must be an RFC 3339 time"),
              Map.entry(
                  "/api/v1/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                  "filter.time_to:"),
              Map.entry("/api/v1/events?text=disk%20AND", "filter.text: Cannot parse"),
              Map.entry("/api/v1/events?meta=nokey", "meta must be key=value"));
      for (Map.Entry<String, String> e : refused.entrySet()) {
        HttpResponse<String> r = send(log, "GET", e.getKey());
        assertEquals(400, r.statusCode(), e.getKey() + ": " + r.body());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").get());
        assertTrue(r.body().contains(e.getValue()), e.getKey() + ": " + r.body());
      }
      for (String beyond : List.of("/api/v1/entry/3", "/api/v1/entries?start=3")) {
        HttpResponse<String> r = send(log, "GET", beyond);
        assertEquals(404, r.statusCode(), beyond + ": " + r.body());
        assertTrue(r.body().contains("latest checkpoint size 3"), r.body());
      }
      assertEquals(405, send(log, "POST", "/api/v1/checkpoint").statusCode());
      assertEquals(404, send(log, "GET", "/explorer/missing.js").statusCode());
    }
  }

  @Test
  void pagesAreServedWithAStrictPolicyAndHeadWorks() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      HttpResponse<String> root = send(log, "GET", "/");
      assertEquals(302, root.statusCode());
      assertEquals("/explorer/", root.headers().firstValue("Location").get());
      assertEquals(302, send(log, "GET", "/explorer").statusCode());
      HttpResponse<String> index = send(log, "GET", "/explorer/");
      assertEquals(200, index.statusCode());
      assertTrue(index.body().contains("<title>tlog explorer</title>"));
      assertTrue(
          index
              .headers()
              .firstValue("Content-Security-Policy")
              .get()
              .contains("script-src 'self'"));
      for (String path : List.of("/explorer/verify.js", "/api/v1/checkpoint", "/api/v1/entries")) {
        HttpResponse<String> get = send(log, "GET", path);
        HttpResponse<String> head = send(log, "HEAD", path);
        assertEquals(200, head.statusCode(), path);
        assertArrayEquals(new byte[0], head.body().getBytes(StandardCharsets.UTF_8), path);
        assertEquals(
            get.headers().firstValue("Content-Length"),
            head.headers().firstValue("Content-Length"));
      }
    }
  }

  @Test
  void anOpaqueLogHasNoEvents() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      log.blocking.appendBatch(
          AppendBatchRequest.newBuilder().addEntries(ByteString.copyFromUtf8("x")).build());
      HttpResponse<String> r = send(log, "GET", "/api/v1/events");
      assertEquals(404, r.statusCode());
      assertTrue(r.body().startsWith("this log is not a ledger"), r.body());
      assertEquals(false, json(log, "/api/v1/checkpoint").getBoolean("ledger"));
      assertEquals("eA==", json(log, "/api/v1/entry/0").getString("entry"));
    }
  }

  @Test
  void withAuthReadsTheExplorerNeedsATokenToo() throws Exception {
    Path auth = dir.resolve("auth");
    StringWriter out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(
        0, cli.execute("token", "add", "--auth-file", auth.toString(), "--actor", "user:auditor"));
    String token = out.toString().strip();
    try (TestLog log =
        TestLog.start(
            TestLog.ledgerConfig(dir.resolve("data"))
                .withSecurity(SecuritySettings.none().withAuthFile(auth, true)))) {
      for (String path : List.of("/api/v1/checkpoint", "/api/v1/events", "/explorer/")) {
        assertEquals(401, send(log, "GET", path).statusCode(), path);
        HttpResponse<String> ok =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + log.server.httpPort() + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), path);
      }
    }
  }

  private static String keyHash(TestLog log) {
    String vkey = log.server.verifierKey();
    return vkey.split("\\+")[1];
  }
}
