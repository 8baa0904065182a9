package dev.tlog.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.client.testing.LedgerServer;
import dev.tlog.merkle.hash.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The recording and investigation commands against a real ledger-mode log. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private LedgerServer server;

  @BeforeAll
  void startServer() throws Exception {
    server = LedgerServer.start(tmp.resolve("data"));
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  String[] grpc(String... args) {
    return at(server.grpc(), args);
  }

  String[] at(String address, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--grpc",
            address,
            "--vkey",
            server.vkey(),
            "--state-dir",
            tmp.resolve("state").toString()));
    return all.toArray(String[]::new);
  }

  static Result ok(Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  static JsonNode json(Result r) throws Exception {
    return JSON.readTree(r.out());
  }

  @Test
  void recordPrintsAVerifiedReceiptForTheCommittedEntry() throws Exception {
    String actor = "agent:rec-" + UUID.randomUUID().toString().substring(0, 8);
    Result text =
        ok(
            Cli.run(
                grpc(
                    "record",
                    "--actor",
                    actor,
                    "--action",
                    "agent.tool_call",
                    "--severity",
                    "notice",
                    "--payload",
                    "{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"ls\"}}",
                    "--meta",
                    "host=web-1",
                    "--link",
                    "session=s-42",
                    "--time",
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(1))
                        .minusHours(1)
                        .withNano(500_000_000)
                        .toString())));
    assertTrue(text.out().startsWith("recorded at index "), text::toString);
    Result j =
        ok(
            Cli.run(
                grpc(
                    "record",
                    "--json",
                    "--actor",
                    actor,
                    "--action",
                    "process.start",
                    "--payload",
                    "{\"process\":\"nginx\"}")));
    JsonNode r = json(j);
    byte[] entry = r.get("entry").asText().getBytes(StandardCharsets.UTF_8);
    assertEquals(TreeHasher.leafHash(entry).toHex(), r.get("leaf_hash").asText());
    assertTrue(r.get("checkpoint").get("size").asLong() > r.get("index").asLong());

    Result bad = Cli.run(grpc("record", "--actor", actor, "--action", "agent.tool_call"));
    assertEquals(ExitCodes.USAGE, bad.exit(), bad::toString);
    assertTrue(bad.err().contains("payload.tool"), bad::toString);
    Result old =
        Cli.run(
            grpc(
                "record",
                "--actor",
                actor,
                "--action",
                "acme.deploy",
                "--time",
                "2020-01-01T00:00:00Z"));
    assertEquals(ExitCodes.REJECTED, old.exit(), old::toString);
    Result append = Cli.run(grpc("append", "plain bytes"));
    assertEquals(ExitCodes.REJECTED, append.exit(), append::toString);
    assertTrue(append.err().contains("--mode opaque"), append::toString);
  }

  @Test
  void ingestStopsAtTheFirstInvalidLineOrSkipsIt() throws Exception {
    String actor = "agent:ing-" + UUID.randomUUID().toString().substring(0, 8);
    String good1 =
        "{\"actor\":\"" + actor + "\",\"action\":\"agent.tool_call\",\"payload\":{\"tool\":\"a\"}}";
    String good2 =
        "{\"time\":\""
            + Instant.now()
            + "\",\"actor\":\""
            + actor
            + "\",\"action\":\"health.check\",\"severity\":\"debug\",\"payload\":{\"status\":\"ok\"},"
            + "\"meta\":{\"host\":\"h\"},\"links\":{\"incident\":\"inc-1\"}}";
    String bad = "{\"actor\":\"" + actor + "\",\"action\":\"agent.tool_call\"}";
    Path file = tmp.resolve("events.jsonl");
    Files.writeString(file, good1 + "\n\n" + good2 + "\n" + bad + "\n" + good1 + "\n");

    Result stopped = Cli.run(grpc("ingest", file.toString(), "--json"));
    assertEquals(ExitCodes.USAGE, stopped.exit(), stopped::toString);
    assertTrue(stopped.err().contains("line 4: payload.tool"), stopped::toString);
    JsonNode s = json(stopped);
    assertEquals(2, s.get("recorded").asLong());
    assertEquals(4, s.get("stopped_at").get("line").asLong());

    Result skipped =
        ok(Cli.runWithStdin(Files.readString(file), grpc("ingest", "--skip-invalid", "--json")));
    JsonNode k = json(skipped);
    assertEquals(3, k.get("recorded").asLong());
    assertEquals(4, k.get("skipped").get(0).get("line").asLong());

    Result events = ok(Cli.run(grpc("events", "--actor", actor, "--json")));
    assertEquals(5, json(events).get("events").size());
  }

  @Test
  void eventsSummaryTraceAndWindowVerifyAreVerified() throws Exception {
    String actor = "agent:inv-" + UUID.randomUUID().toString().substring(0, 8);
    Thread.sleep(5);
    String from = Instant.now().toString();
    Thread.sleep(5);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      lines.append(
          "{\"actor\":\""
              + actor
              + "\",\"action\":\"agent.tool_call\",\"severity\":\""
              + (i == 3 ? "error" : "info")
              + "\",\"payload\":{\"tool\":\"shell\",\"cmd\":\"step "
              + i
              + (i == 3 ? " deleted backups" : "")
              + "\"}}\n");
      lines.append(
          "{\"actor\":\"user:ops\",\"action\":\"ssh.session\",\"payload\":{\"user\":\"ops\"}}\n");
    }
    ok(Cli.runWithStdin(lines.toString(), grpc("ingest", "--window", "1")));
    Thread.sleep(5);
    String to = Instant.now().toString();

    Result table = ok(Cli.run(grpc("events", "--actor", actor, "--text", "backups")));
    assertTrue(table.out().contains("INDEX"), table::toString);
    assertTrue(table.out().contains("1 event verified"), table::toString);
    JsonNode ev =
        json(ok(Cli.run(grpc("query", "--actor", actor, "--min-severity", "error", "--json"))));
    assertEquals(1, ev.get("events").size());
    assertEquals("error", ev.get("events").get(0).get("severity").asText());

    Result sum =
        ok(
            Cli.run(
                grpc(
                    "summary", "--received-from", from, "--received-to", to, "--verify-complete")));
    assertTrue(sum.out().contains("12 matching events"), sum::toString);
    assertTrue(sum.out().contains(actor), sum::toString);
    JsonNode sj = json(ok(Cli.run(grpc("summary", "--actor", actor, "--json"))));
    assertEquals(6, sj.get("total").asLong());

    Result trace = ok(Cli.run(grpc("trace", "--actor", actor, "--from", from, "--to", to)));
    assertTrue(trace.out().contains("verified"), trace::toString);
    JsonNode tj = json(ok(Cli.run(grpc("trace", "--actor", actor, "--json"))));
    assertEquals(6, tj.get("steps").size());
    assertEquals("first", tj.get("steps").get(0).get("link").asText());
    for (int i = 1; i < 6; i++) {
      assertEquals("verified", tj.get("steps").get(i).get("link").asText(), tj::toString);
    }

    Result w =
        ok(
            Cli.run(
                grpc(
                    "window",
                    "verify",
                    "--received-from",
                    from,
                    "--received-to",
                    to,
                    "--actor",
                    actor,
                    "--verify-complete",
                    "--list")));
    assertTrue(w.out().contains("conditions 1-4"), w::toString);
    assertTrue(w.out().contains("matches exactly the 6"), w::toString);
    JsonNode wj =
        json(
            ok(
                Cli.run(
                    grpc(
                        "window",
                        "verify",
                        "--received-from",
                        from,
                        "--received-to",
                        to,
                        "--json"))));
    assertEquals(12, wj.get("events").asLong());
    assertEquals(12, wj.get("hits").size());
  }
}
