package dev.tlog.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.client.testing.LogServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk through compliance evidence, end to end on the real server process: two
 * collectors configured, their events seen, the server stopped across scheduled times and the gap
 * recorded once it is back, and SOC 2 and HIPAA reports for the period that verify offline.
 */
class EvidenceWorkflowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path tmp;

  private LogServerProcess server;

  private String[] log(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--grpc",
            server.grpc(),
            "--vkey",
            server.vkey(),
            "--state-dir",
            tmp.resolve("state").toString()));
    return all.toArray(String[]::new);
  }

  private static Result ok(Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  /**
   * The verified events of {@code action} (and collector, when not null), via {@code tlog events}.
   */
  private List<JsonNode> events(String action, String collector) throws Exception {
    List<String> args = new ArrayList<>(List.of("events", "--action", action, "--json"));
    if (collector != null) {
      args.addAll(List.of("--meta", "collector=" + collector));
    }
    JsonNode out = JSON.readTree(ok(Cli.run(log(args.toArray(String[]::new)))).out());
    List<JsonNode> list = new ArrayList<>();
    out.get("events").forEach(list::add);
    return list;
  }

  private List<JsonNode> awaitEvents(
      String action, String collector, Predicate<List<JsonNode>> enough) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      List<JsonNode> es = events(action, collector);
      if (enough.test(es)) {
        return es;
      }
      assertTrue(Instant.now().isBefore(deadline), action + " " + collector + ": only " + es);
      Thread.sleep(250);
    }
  }

  @Test
  void collectStopAcrossSlotsSeeTheGapAndReportOnThePeriod() throws Exception {
    Path watched = Files.writeString(tmp.resolve("app.conf"), "mode = strict\n");
    Path config =
        Files.writeString(
            tmp.resolve("collectors.yaml"),
            "collectors:\n"
                + "  - name: app-config\n"
                + "    schedule: every 2s\n"
                + "    files: ["
                + watched
                + "]\n"
                + "  - name: kernel\n"
                + "    schedule: every 2s\n"
                + "    command: [uname, -sr]\n");
    Path data = tmp.resolve("data");
    Instant from = Instant.now().minusSeconds(1);
    server = LogServerProcess.startLedger(data, null, "--collectors", config.toString());
    Instant stopping = null;
    try {
      for (String c : List.of("app-config", "kernel")) {
        awaitEvents("evidence.collection", c, es -> es.size() >= 2);
      }
      JsonNode run = events("evidence.collection", "kernel").get(0);
      assertEquals("ok", run.at("/payload/status").asText());
      assertEquals("system:tlog-evidence", run.get("actor").asText());
      assertEquals(1, events("evidence.schedule", null).size());
    } finally {
      // Slots due while the server shuts down are part of the downtime too (a loaded machine
      // takes seconds to stop), so the gap is measured from the moment the stop begins.
      stopping = Instant.now();
      server.close();
    }
    Instant stopped = stopping;
    // Down across at least two slots of each collector.
    Thread.sleep(5_000);
    Files.writeString(watched, "mode = permissive\n");
    server = LogServerProcess.startLedger(data, null, "--collectors", config.toString());
    Path soc2 = tmp.resolve("soc2");
    Path hipaa = tmp.resolve("hipaa");
    try {
      for (String c : List.of("app-config", "kernel")) {
        // The gap of the stop: one event for at least two slots due while the server was down.
        // (A slow machine may miss a slot of its own too; that is recorded, and not this one.)
        Predicate<JsonNode> downtime =
            e ->
                e.at("/payload/count").asLong() >= 2
                    && !Instant.parse(e.at("/payload/due").asText()).isBefore(stopped);
        JsonNode gap =
            awaitEvents("evidence.missed", c, es -> es.stream().anyMatch(downtime)).stream()
                .filter(downtime)
                .findFirst()
                .orElseThrow();
        assertEquals("not-running", gap.at("/payload/reason").asText());
        assertEquals("warning", gap.get("severity").asText());
      }
      // The configuration did not change: it is recorded once, across the restart.
      assertEquals(1, events("evidence.schedule", null).size());
      awaitEvents("evidence.collection", "app-config", es -> es.size() >= 4);
      Instant to = Instant.now();
      // Let the slots due before `to` be recorded before the report is made.
      Thread.sleep(5_000);
      for (var f : List.of(List.of("soc2", soc2), List.of("hipaa", hipaa))) {
        ok(
            Cli.run(
                log(
                    "report",
                    "--framework",
                    (String) f.get(0),
                    "--from",
                    from.toString(),
                    "--to",
                    to.toString(),
                    "--out",
                    f.get(1).toString(),
                    "--actor",
                    "user:auditor")));
      }
      assertEquals(2, events("evidence.report", null).size());
    } finally {
      server.close();
    }
    for (Path dir : List.of(soc2, hipaa)) {
      Result v = ok(Cli.run("verify-report", dir.toString(), "--vkey", server.vkey()));
      assertTrue(v.out().contains("receipt.json verified"), v.out());
      JsonNode r = JSON.readTree(Files.readAllBytes(dir.resolve("report.json")));
      assertEquals(2, r.get("collectors").size(), r.get("collectors").toString());
      for (JsonNode c : r.get("collectors")) {
        String name = c.get("name").asText();
        assertTrue(c.get("done").asLong() >= 3, name + " " + c);
        assertTrue(c.get("missed").asLong() >= 2, name + " " + c);
        // Every due slot is accounted for by a run or by the gap event.
        assertEquals(0, c.get("unaccounted").asLong(), name + " " + c);
        assertEquals(
            c.get("due").asLong(),
            c.get("done").asLong() + c.get("failed").asLong() + c.get("missed").asLong(),
            name + " " + c);
      }
      assertTrue(r.at("/exceptions/missed").size() >= 2, r.at("/exceptions").toString());
      assertTrue(r.at("/exceptions/drift").size() >= 1, r.at("/exceptions").toString());
    }
    String md = Files.readString(soc2.resolve("report.md"));
    assertTrue(md.contains("CC7.2"), md);
    String hipaaMd = Files.readString(hipaa.resolve("report.md"));
    assertTrue(hipaaMd.contains("164.312(b)"), hipaaMd);
  }
}
