package dev.tlog.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.client.testing.HidingLedgerProxy;
import dev.tlog.client.testing.LedgerServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident workflow of the README, end to end against a real ledger log over gRPC: record and
 * ingest what agents did, pick the window, summarize it, trace the suspect, verify the window
 * complete, export the evidence and verify it offline; and the same checks against a log that hides
 * one of the suspect's events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentWorkflowTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private LedgerServer server;
  private String from;
  private String to;

  @BeforeAll
  void start() throws Exception {
    server = LedgerServer.start(tmp.resolve("data"));
    ok(
        Cli.run(
            at(
                server.grpc(),
                "record",
                "--actor",
                "agent:planner",
                "--action",
                "process.start",
                "--payload",
                "{\"process\":\"planner\"}")));
    Thread.sleep(10);
    from = Instant.now().toString();
    Thread.sleep(5);
    String incident =
        event(
                "agent:planner",
                "agent.tool_call",
                "info",
                "{\"tool\":\"shell\",\"cmd\":\"ls /srv\"}")
            + event("agent:planner", "secret.access", "notice", "{\"secret\":\"db-password\"}")
            + event("user:ops", "ssh.session", "info", "{\"user\":\"ops\"}")
            + event(
                "agent:planner",
                "agent.tool_call",
                "critical",
                "{\"tool\":\"shell\",\"cmd\":\"rm -rf /srv/backups\"}")
            + event("service:watchdog", "watchdog.recovery", "error", "{\"process\":\"planner\"}")
            + event("agent:planner", "process.crash", "error", "{\"process\":\"planner\"}");
    Files.writeString(tmp.resolve("incident.jsonl"), incident);
    ok(
        Cli.run(
            at(
                server.grpc(),
                "ingest",
                tmp.resolve("incident.jsonl").toString(),
                "--window",
                "1")));
    Thread.sleep(5);
    to = Instant.now().toString();
    Thread.sleep(10);
    ok(
        Cli.run(
            at(
                server.grpc(),
                "record",
                "--actor",
                "service:watchdog",
                "--action",
                "health.check",
                "--payload",
                "{\"status\":\"ok\"}")));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String event(String actor, String action, String severity, String payload) {
    return "{\"actor\":\""
        + actor
        + "\",\"action\":\""
        + action
        + "\",\"severity\":\""
        + severity
        + "\",\"payload\":"
        + payload
        + ",\"meta\":{\"host\":\"web-1\"},\"links\":{\"incident\":\"inc-7\"}}\n";
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

  @Test
  void pickWindowSummarizeTraceVerifyExportAndVerifyOffline() throws Exception {
    String g = server.grpc();
    Result summary =
        ok(
            Cli.run(
                at(
                    g,
                    "summary",
                    "--received-from",
                    from,
                    "--received-to",
                    to,
                    "--verify-complete")));
    assertTrue(summary.out().contains("6 matching events"), summary::toString);
    assertTrue(summary.out().matches("(?s).*\\nagent:planner +4\\n.*"), summary::toString);
    assertTrue(summary.out().contains("last : index"), summary::toString);

    Result trace =
        ok(Cli.run(at(g, "trace", "--actor", "agent:planner", "--from", from, "--to", "now")));
    assertTrue(trace.out().contains("4 events verified"), trace::toString);
    assertTrue(trace.out().contains("3 of 3 chain links verified"), trace::toString);

    Result window =
        ok(
            Cli.run(
                at(
                    g,
                    "window",
                    "verify",
                    "--received-from",
                    from,
                    "--received-to",
                    to,
                    "--actor",
                    "agent:planner",
                    "--verify-complete")));
    assertTrue(window.out().contains("matches exactly the 4"), window::toString);

    Path evidence = tmp.resolve("evidence.json");
    ok(
        Cli.run(
            at(
                g,
                "export",
                "--received-from",
                from,
                "--received-to",
                to,
                "--actor",
                "agent:planner",
                "-o",
                evidence.toString())));
    Result offline =
        ok(Cli.run("verify-bundle", "--vkey", server.vkey(), "--json", evidence.toString()));
    JsonNode v = JSON.readTree(offline.out());
    assertEquals(4, v.get("ledger").get("matches").size());
    assertEquals(6, v.get("ledger").get("window").get("events").asLong());
    assertTrue(v.get("ledger").get("window").get("complete").asBoolean());
  }

  @Test
  void aLogThatHidesTheSuspectsWorstEventIsCaught() throws Exception {
    try (HidingLedgerProxy liar = new HidingLedgerProxy(server.grpc(), "critical")) {
      String l = liar.address();
      // Without --verify-complete the answer verifies: every event returned is genuine.
      Result lenient =
          ok(
              Cli.run(
                  at(
                      l,
                      "window",
                      "verify",
                      "--received-from",
                      from,
                      "--received-to",
                      to,
                      "--actor",
                      "agent:planner")));
      assertTrue(
          lenient.out().contains("matching events returned by the log: 3"), lenient::toString);
      Result caught =
          Cli.run(
              at(
                  l,
                  "window",
                  "verify",
                  "--received-from",
                  from,
                  "--received-to",
                  to,
                  "--actor",
                  "agent:planner",
                  "--verify-complete"));
      assertEquals(ExitCodes.INCOMPLETE_ANSWER, caught.exit(), caught::toString);
      assertTrue(
          caught.err().contains("INCOMPLETE: the log left out 1 matching event"), caught::toString);
      assertTrue(caught.err().contains("index " + liar.hidden()), caught::toString);
      Result export =
          Cli.run(
              at(
                  l,
                  "export",
                  "--received-from",
                  from,
                  "--received-to",
                  to,
                  "--actor",
                  "agent:planner",
                  "-o",
                  tmp.resolve("never.json").toString()));
      assertEquals(ExitCodes.INCOMPLETE_ANSWER, export.exit(), export::toString);
      assertTrue(Files.notExists(tmp.resolve("never.json")));
    }
  }
}
