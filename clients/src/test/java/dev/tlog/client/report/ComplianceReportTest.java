package dev.tlog.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.CheckpointTracker;
import dev.tlog.client.CheckpointVerifier;
import dev.tlog.client.LogAppender;
import dev.tlog.client.LogIdentity;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.VerifyingReader;
import dev.tlog.client.ledger.EventRecorder;
import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.client.transport.GrpcLogSource;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.server.LedgerSettings;
import dev.tlog.server.LogServer;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.api.grpc.GrpcLimits;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.testing.HeadlessChromium;
import dev.tlog.server.witnessing.WitnessPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;

/**
 * tlog report and tlog verify-report end to end: a real ledger log (in-process LogServer, LMDB in a
 * temp dir, gRPC, signatures) holding a generated year of hourly evidence with planted gaps and
 * incidents, laid down with the server's clock moved through the year; reports of the year and of a
 * 30-day period must give exactly the counts the generator planned.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The server's clock: fixed while the fixture is laid down, then the system's. */
  static final class MovableClock implements InstantSource {
    volatile Instant fixed;

    @Override
    public Instant instant() {
      Instant f = fixed;
      return f != null ? f : Instant.now();
    }
  }

  @TempDir static Path tmp;
  private LogServer server;
  private EvidenceYear year;
  private Path yearDir;
  private Path subDir;

  @BeforeAll
  void layDownAYear() throws Exception {
    MovableClock clock = new MovableClock();
    Instant y0 =
        Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(EvidenceYear.DAYS + 2));
    year = new EvidenceYear(y0, 20261129L);
    clock.fixed = y0.minus(Duration.ofHours(1));
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    ServerConfig config =
        new ServerConfig(
            data,
            data.resolve("log.key"),
            "tlog.test/compliance",
            "127.0.0.1",
            0,
            0,
            256L << 20,
            new AppendLimits(65535, 256),
            new SequencerLimits(256, Duration.ofMillis(1), 10_000),
            1000,
            StartupVerifier.Mode.FULL,
            WitnessPolicy.none(),
            true,
            LedgerSettings.of(LogMode.LEDGER),
            100,
            clock,
            Optional.empty(),
            HttpLimits.defaults(),
            dev.tlog.server.security.SecuritySettings.none(),
            Optional.empty(),
            GrpcLimits.defaults(),
            false);
    server = LogServer.start(config);
    try (GrpcLogSource src =
        GrpcLogSource.connect("127.0.0.1:" + server.grpcPort(), RetryPolicy.defaults())) {
      VerifyingReader reader =
          new VerifyingReader(
              src, new CheckpointVerifier(LogIdentity.of(server.verifierKey(), null, List.of())));
      EventRecorder recorder =
          new EventRecorder(
              new LogAppender(src.writer(), reader, new CheckpointTracker(reader, null)),
              RetryPolicy.defaults());
      for (EvidenceYear.Batch b : year.batches) {
        clock.fixed = b.clock();
        recorder.recordBatch(b.events());
      }
    }
    clock.fixed = null;
    yearDir = tmp.resolve("year-soc2");
    subDir = tmp.resolve("sub-hipaa");
    ok(report("soc2", 0, EvidenceYear.DAYS, yearDir));
    ok(report("hipaa", 100, 130, subDir));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String[] log(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--grpc",
            "127.0.0.1:" + server.grpcPort(),
            "--vkey",
            server.verifierKey(),
            "--state-dir",
            tmp.resolve("state").toString()));
    return all.toArray(String[]::new);
  }

  private Result report(String framework, int fromDay, int toDay, Path dir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--framework",
                framework,
                "--from",
                year.day(fromDay).toString(),
                "--to",
                year.day(toDay).toString(),
                "--out",
                dir.toString(),
                "--actor",
                "user:auditor"));
    args.addAll(List.of(extra));
    return Cli.run(log(args.toArray(String[]::new)));
  }

  private static Result ok(Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  private static JsonNode json(Path f) throws Exception {
    return JSON.readTree(Files.readAllBytes(f));
  }

  private void assertCounts(Path dir, int fromDay, int toDay) throws Exception {
    EvidenceYear.Expected want = year.expected(fromDay, toDay);
    JsonNode r = json(dir.resolve("report.json"));
    assertEquals(
        EventTime.format(year.day(fromDay).getEpochSecond() * 1_000_000_000L),
        r.at("/period/from").asText());
    for (var e : want.counts().entrySet()) {
      JsonNode c = null;
      for (JsonNode x : r.get("collectors")) {
        if (x.get("name").asText().equals(e.getKey())) {
          c = x;
        }
      }
      assertTrue(c != null, e.getKey());
      long[] n = e.getValue();
      assertEquals(
          List.of(n[0], n[1], n[2], n[3], n[4]),
          List.of(
              c.get("due").asLong(),
              c.get("done").asLong(),
              c.get("failed").asLong(),
              c.get("missed").asLong(),
              c.get("unaccounted").asLong()),
          e.getKey() + " due/done/failed/missed/unaccounted");
      assertEquals(0, c.get("off_schedule").asLong(), e.getKey());
    }
    for (var e : want.exceptions().entrySet()) {
      assertEquals(
          (int) e.getValue(), r.at("/exceptions/" + e.getKey()).size(), "exceptions " + e.getKey());
    }
  }

  @Test
  void aYearOfHourlyEvidenceIsCountedExactlyAsPlanted() throws Exception {
    assertCounts(yearDir, 0, EvidenceYear.DAYS);
    JsonNode r = json(yearDir.resolve("report.json"));
    // Day 200 on, the schedule event says every 2h: 200 * 24 + 165 * 12 slots.
    assertEquals("[\"hourly\",\"every 2h\"]", r.at("/collectors/0/schedules").toString());
    assertEquals(200 * 24 + 165 * 12, r.at("/collectors/0/due").asLong());
    assertEquals(365 * 24, r.at("/collectors/1/due").asLong());
    assertEquals(year.events() - 1, r.at("/summary/events").asLong(), "all but the prologue");
    JsonNode missed = r.at("/exceptions/missed");
    assertTrue(missed.toString().contains("53 slots"), missed.toString());
  }

  @Test
  void aThirtyDayPeriodClipsGapsAndListsWhatArrivedTooLateAsUnaccounted() throws Exception {
    assertCounts(subDir, 100, 130);
    JsonNode r = json(subDir.resolve("report.json"));
    JsonNode ranges = r.at("/collectors/1/unaccounted_ranges");
    assertEquals(1, ranges.size(), ranges.toString()); // sshd-config: day 129 20:00-23:00
    assertEquals(4, ranges.get(0).get("count").asLong());
    assertEquals(
        EventTime.format(year.at(129, 20).getEpochSecond() * 1_000_000_000L),
        ranges.get(0).get("first").asText());
  }

  @Test
  void reportsVerifyOfflineAndTheirReceiptsCarryTheirHashes() {
    Result y = ok(Cli.run("verify-report", yearDir.toString(), "--vkey", server.verifierKey()));
    assertTrue(y.out().contains("receipt.json verified: evidence.report at index"), y.out());
    Result s = ok(Cli.run("verify-report", subDir.toString(), "--vkey", server.verifierKey()));
    assertTrue(s.out().contains("report verified: hipaa"), s.out());
    ok(
        Cli.run(
            "verify-bundle",
            subDir.resolve("bundle.json").toString(),
            "--vkey",
            server.verifierKey()));
  }

  @Test
  void theBundleIsExactlyWhatExportWrites() throws Exception {
    Path exported = tmp.resolve("exported.json");
    ok(
        Cli.run(
            log(
                "export",
                "--received-from",
                year.day(100).toString(),
                "--received-to",
                year.day(130).toString(),
                "-o",
                exported.toString())));
    JsonNode a = json(exported);
    JsonNode b = json(subDir.resolve("bundle.json"));
    // Same window, filter, matches and entries; only the proofs differ, as the tree has grown
    // since (the reports were recorded).
    for (String f : List.of("filter", "matches")) {
      assertTrue(a.at("/ledger/" + f).equals(b.at("/ledger/" + f)), f);
    }
    for (String f : List.of("start", "end", "mark_before", "received_from", "received_to")) {
      assertEquals(a.at("/ledger/window/" + f), b.at("/ledger/window/" + f), f);
    }
    assertTrue(a.get("entries").equals(b.get("entries")), "entries");
  }

  @Test
  void controlsWithoutEvidenceAreListedAsSuch() throws Exception {
    JsonNode r = json(yearDir.resolve("report.json"));
    for (JsonNode c : r.get("controls")) {
      if (c.get("id").asText().equals("CC6.2")) {
        assertEquals("no evidence", c.get("status").asText());
      }
      if (c.get("id").asText().equals("CC7.2")) {
        assertEquals("exceptions", c.get("status").asText());
      }
    }
    String md = Files.readString(yearDir.resolve("report.md"));
    assertTrue(md.contains("## Controls without evidence\n\n- CC6.2 "), md);
    JsonNode h = json(subDir.resolve("report.json"));
    for (JsonNode c : h.get("controls")) {
      if (c.get("id").asText().equals("§164.312(d)")) {
        assertEquals("no evidence", c.get("status").asText());
      }
    }
  }

  @Test
  void htmlIsSelfContainedWithEverySectionAndEscapesPayloads() throws Exception {
    String html = Files.readString(subDir.resolve("report.html"));
    for (String s :
        List.of(
            "<h2>Controls</h2>",
            "<h2>Controls without evidence</h2>",
            "<h2>Collectors</h2>",
            "<h2>Exceptions</h2>",
            "<h2>Verification</h2>",
            "@media print",
            "tlog verify-report DIR",
            server.verifierKey().substring(0, 20))) {
      assertTrue(html.contains(s), s);
    }
    assertFalse(html.contains("<script"), "the secret.access payload must be escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains("src=") || html.contains("href=") || html.contains("<link"));
  }

  /**
   * The printable report as a person sees it: opened in headless Chromium it renders its title and
   * a controls table, shows the planted script payload as text, and prints to a PDF.
   */
  @Test
  void theHtmlReportRendersInABrowserAndPrints() throws Exception {
    try (HeadlessChromium browser =
        HeadlessChromium.start(Files.createDirectories(tmp.resolve("browser-profile")))) {
      WebDriver d = browser.driver();
      d.get(subDir.resolve("report.html").toUri().toString());
      String title = d.getTitle();
      assertTrue(title.endsWith(" — compliance report"), title);
      assertEquals(title, d.findElement(By.tagName("h1")).getText());
      List<WebElement> rows = d.findElements(By.cssSelector("#controls table tr"));
      assertTrue(rows.size() > 1, "the controls table has rows: " + rows.size());
      assertTrue(d.findElement(By.tagName("body")).getText().contains("<script>alert(1)</script>"));
      assertTrue(d.findElements(By.tagName("script")).isEmpty());
      Path shot = browser.screenshot("compliance-report");
      Pdf pdf = ((PrintsPage) d).print(new PrintOptions());
      byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
      Path pdfFile = shot.resolveSibling("compliance-report.pdf");
      Files.write(pdfFile, bytes);
      assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
      System.out.println(
          "report.html in chromium: title \""
              + title
              + "\", "
              + (rows.size() - 1)
              + " control rows; screenshot "
              + shot
              + ", printed "
              + bytes.length
              + " bytes of PDF");
    }
  }

  private Path copy(Path dir, String name) throws Exception {
    Path to = tmp.resolve(name);
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  private void assertTamperFails(Path dir, String want) {
    Result r = Cli.run("verify-report", dir.toString(), "--vkey", server.verifierKey());
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("VERIFICATION FAILED"), r.err());
    assertTrue(r.err().contains(want), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void anEditedCountInReportJsonFails() throws Exception {
    Path d = copy(subDir, "t-json");
    String s = Files.readString(d.resolve("report.json"));
    String done =
        "\"done\":" + json(subDir.resolve("report.json")).at("/collectors/0/done").asLong();
    assertTrue(s.contains(done));
    Files.writeString(d.resolve("report.json"), s.replaceFirst(done, done + "1"));
    assertTamperFails(d, "report.json");
  }

  @Test
  void anEditedMarkdownFails() throws Exception {
    Path d = copy(subDir, "t-md");
    String s = Files.readString(d.resolve("report.md"));
    Files.writeString(d.resolve("report.md"), s.replace("exceptions", "evidenced"));
    assertTamperFails(d, "report.md");
  }

  @Test
  void anEditedHtmlFails() throws Exception {
    Path d = copy(subDir, "t-html");
    String s = Files.readString(d.resolve("report.html"));
    Files.writeString(d.resolve("report.html"), s.replace("no evidence", "evidenced"));
    assertTamperFails(d, "report.html");
  }

  @Test
  void aBundleWithAnEventRemovedFails() throws Exception {
    Path d = copy(subDir, "t-bundle");
    ObjectNode b = (ObjectNode) json(d.resolve("bundle.json"));
    ArrayNode entries = (ArrayNode) b.get("entries");
    entries.remove(entries.size() / 2);
    Files.write(d.resolve("bundle.json"), JSON.writeValueAsBytes(b));
    assertTamperFails(d, "");
  }

  @Test
  void aReceiptForAnotherEventFails() throws Exception {
    Path d = copy(subDir, "t-receipt");
    Files.copy(
        yearDir.resolve("receipt.json"),
        d.resolve("receipt.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertTamperFails(d, "receipt.json");
  }

  @Test
  void mappingsPrintParseStrictlyAndNoRecordWritesNoReceipt() throws Exception {
    Result p = ok(Cli.run("report", "--print-mapping", "soc2"));
    assertTrue(p.out().startsWith("# Default tlog control mapping for SOC 2"), p.out());
    Path m = tmp.resolve("bad.yaml");
    Files.writeString(
        m,
        p.out()
            .replace(
                "    evidence:\n      actions: [ssh.session]\n",
                "    evidence:\n      actions: [ssh.session]\n      actors: [x]\n"));
    Result bad = report("soc2", 100, 101, tmp.resolve("bad"), "--mapping", m.toString());
    assertEquals(2, bad.exit(), bad::toString);
    assertTrue(bad.err().contains("controls[1].evidence.actors"), bad.err());
    Path custom = tmp.resolve("custom.yaml");
    Files.writeString(custom, p.out().replace("id: CC6.2", "id: CC6.2-custom"));
    Path out = tmp.resolve("norecord");
    ok(report("soc2", 100, 101, out, "--mapping", custom.toString(), "--no-record"));
    assertFalse(Files.exists(out.resolve("receipt.json")));
    assertTrue(Files.readString(out.resolve("report.md")).contains("CC6.2-custom"));
    Result v = ok(Cli.run("verify-report", out.toString()));
    assertTrue(v.out().contains("no receipt.json"), v.out());
    assertTrue(Files.readString(out.resolve("report.json")).contains(Evidence.COLLECTION));
  }
}
