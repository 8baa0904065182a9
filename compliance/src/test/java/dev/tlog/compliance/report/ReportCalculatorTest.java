package dev.tlog.compliance.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.compliance.evidence.CollectionRecord.Status;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.compliance.mapping.ControlMapping;
import dev.tlog.compliance.mapping.DefaultMappings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCalculatorTest {
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  private static Instant h(int hours) {
    return T0.plusSeconds(3600L * hours);
  }

  private ReportModel sample() {
    Events e = new Events();
    e.collection("sshd-config", "hourly", "files", h(0), Status.OK, "aa");
    e.collection("sshd-config", "hourly", "files", h(1), Status.OK, "aa");
    e.collection("sshd-config", "hourly", "files", h(2), Status.OK, "bb"); // drift
    e.collection("sshd-config", "hourly", "files", h(3), Status.FAILED, "cc");
    e.missed("sshd-config", "hourly", h(4), h(5), 2);
    // h(6), h(7): nothing recorded
    e.add(
        Events.nanos(h(2)) + 5,
        "user:alice",
        "secret.access",
        "{\"secret\":\"<script>x</script>\"}");
    e.add(Events.nanos(h(3)) + 5, "system:init", "process.crash", "{\"process\":\"api\"}");
    e.add(
        Events.nanos(h(3)) + 7,
        "user:bob",
        "config.change",
        "{\"old_hash\":\"1\",\"new_hash\":\"2\",\"path\":\"/etc/x\"}");
    return new ReportCalculator()
        .compute(
            "soc2",
            Events.nanos(h(0)),
            Events.nanos(h(8)),
            DefaultMappings.of("soc2"),
            Events.VERIFICATION,
            e.build());
  }

  @Test
  void countsSlotsAndListsEveryKindOfException() {
    ReportModel m = sample();
    CollectorCount c = m.collectors().get(0);
    assertEquals(
        List.of(8L, 3L, 1L, 2L, 2L),
        List.of(c.due(), c.done(), c.failed(), c.missed(), c.unaccounted()));
    assertEquals(List.of(new SlotRange(h(6), h(7), 2)), c.unaccountedRanges());
    assertEquals(1, m.findings(Finding.Kind.DRIFT).size());
    assertTrue(m.findings(Finding.Kind.DRIFT).get(0).what().contains("aa -> bb"));
    assertEquals(1, m.findings(Finding.Kind.COLLECTION_FAILED).size());
    assertEquals(1, m.findings(Finding.Kind.MISSED).size());
    assertTrue(m.findings(Finding.Kind.MISSED).get(0).what().startsWith("2 slots"));
    assertEquals(1, m.findings(Finding.Kind.UNACCOUNTED).size());
    assertEquals(1, m.findings(Finding.Kind.PROCESS_CRASH).size());
    assertEquals(1, m.findings(Finding.Kind.CONFIG_CHANGE).size());
    assertEquals(1, m.findings(Finding.Kind.SECRET_ACCESS).size());
  }

  @Test
  void aCollectorAddedInThePeriodIsDueOnlyFromItsScheduleEvent() {
    // "old" ran before the period; "new" is added by the schedule event at h(5) + 1 minute.
    Events e = new Events();
    List<ScheduleRecord.Collector> both =
        List.of(
            new ScheduleRecord.Collector("new", "hourly", "command", 1000, List.of()),
            new ScheduleRecord.Collector("old", "hourly", "command", 1000, List.of()));
    for (int k = 0; k < 5; k++) {
      e.collection("old", "hourly", "command", h(k), Status.OK, "aa");
    }
    e.schedule(h(5).plusSeconds(60), both);
    for (int k = 5; k < 8; k++) {
      e.collection("old", "hourly", "command", h(k), Status.OK, "aa");
    }
    e.collection("new", "hourly", "command", h(6), Status.OK, "aa");
    e.collection("new", "hourly", "command", h(7), Status.OK, "aa");
    ReportModel m =
        new ReportCalculator()
            .compute(
                "soc2",
                Events.nanos(h(0)),
                Events.nanos(h(8)),
                DefaultMappings.of("soc2"),
                Events.VERIFICATION,
                e.build());
    CollectorCount added =
        m.collectors().stream().filter(c -> c.name().equals("new")).findFirst().orElseThrow();
    assertEquals(List.of(2L, 2L, 0L), List.of(added.due(), added.done(), added.unaccounted()));
    CollectorCount old =
        m.collectors().stream().filter(c -> c.name().equals("old")).findFirst().orElseThrow();
    assertEquals(List.of(8L, 8L, 0L), List.of(old.due(), old.done(), old.unaccounted()));
  }

  @Test
  void controlsWithoutEvidenceAreListedAsSuch() {
    ReportModel m = sample();
    ControlCoverage cc62 =
        m.controls().stream().filter(c -> c.id().equals("CC6.2")).findFirst().orElseThrow();
    assertEquals(ControlCoverage.Status.NO_EVIDENCE, cc62.status());
    ControlCoverage cc72 =
        m.controls().stream().filter(c -> c.id().equals("CC7.2")).findFirst().orElseThrow();
    assertEquals(ControlCoverage.Status.EXCEPTIONS, cc72.status());
    assertEquals(List.of("sshd-config"), cc72.collectors());
    ControlCoverage cc63 =
        m.controls().stream().filter(c -> c.id().equals("CC6.3")).findFirst().orElseThrow();
    assertEquals(ControlCoverage.Status.EVIDENCED, cc63.status());
    String md = MarkdownReport.render(m);
    assertTrue(md.contains("- CC6.2 Registration"), md);
    assertTrue(md.contains("no evidence"), md);
  }

  @Test
  void renderingIsDeterministicAndEscapesLogText() {
    ReportModel a = sample();
    ReportModel b = sample();
    assertArrayEquals(ReportJson.write(a), ReportJson.write(b));
    assertEquals(MarkdownReport.render(a), MarkdownReport.render(b));
    String html = HtmlReport.render(a);
    assertEquals(html, HtmlReport.render(b));
    assertFalse(html.contains("<script"), "a payload's <script> must be escaped");
    assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"), html);
    for (String section :
        List.of(
            "id=\"controls\"",
            "id=\"no-evidence\"",
            "id=\"collectors\"",
            "id=\"exceptions\"",
            "id=\"verification\"",
            "@media print")) {
      assertTrue(html.contains(section), section);
    }
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src="));
    String md = MarkdownReport.render(a);
    assertFalse(md.contains("<script>"), md);
  }

  @Test
  void reportJsonStatesItsParameters() {
    ReportModel m = sample();
    byte[] json = ReportJson.write(m);
    ReportJson.Parameters p = ReportJson.parameters(json);
    assertEquals("soc2", p.framework());
    assertEquals(m.from(), p.from());
    assertEquals(m.to(), p.to());
    ControlMapping mapping = p.mapping();
    assertEquals(m.mapping(), mapping);
    String text = new String(json, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\"collectors\":"), "JCS: keys sorted");
  }

  @Test
  void markdownAndHtmlListTwoHundredOfAKindAndSayHowManyMore() {
    Events e = new Events();
    for (int i = 0; i < 205; i++) {
      e.add(Events.nanos(h(0)) + i, "user:u", "secret.access", "{\"secret\":\"s" + i + "\"}");
    }
    ReportModel m =
        new ReportCalculator()
            .compute(
                "soc2",
                Events.nanos(h(0)),
                Events.nanos(h(1)),
                DefaultMappings.of("soc2"),
                Events.VERIFICATION,
                e.build());
    assertEquals(205, m.findings(Finding.Kind.SECRET_ACCESS).size());
    String md = MarkdownReport.render(m);
    assertTrue(md.contains("… and 5 more (report.json lists all 205)"), md);
    assertTrue(md.contains("secret s199") && !md.contains("secret s200"));
    assertTrue(HtmlReport.render(m).contains("… and 5 more (report.json lists all 205)"));
  }

  @Test
  void evidenceWithAnErasedOrMalformedPayloadCountsForNothingAndIsListed() {
    List<ReportEvent> events =
        List.of(
            new ReportEvent(
                4,
                Events.nanos(h(0)) + 1,
                "system:tlog-evidence",
                "evidence.collection",
                "info",
                java.util.Optional.empty(),
                "ab".repeat(32)),
            new ReportEvent(
                5,
                Events.nanos(h(0)) + 2,
                "system:tlog-evidence",
                "evidence.missed",
                "warning",
                java.util.Optional.of("{\"collector\":\"x\",\"due\":\"soon\"}"),
                "cd".repeat(32)));
    ReportModel m =
        new ReportCalculator()
            .compute(
                "soc2",
                Events.nanos(h(0)),
                Events.nanos(h(2)),
                DefaultMappings.of("soc2"),
                Events.VERIFICATION,
                events);
    assertEquals(2, m.findings(Finding.Kind.UNREADABLE).size());
    assertTrue(m.collectors().isEmpty());
    assertTrue(m.findings(Finding.Kind.UNREADABLE).get(0).what().contains("erased"));
  }

  @Test
  void anEmptyWindowLeavesEveryControlWithoutEvidence() {
    ReportModel m =
        new ReportCalculator()
            .compute(
                "iso27001",
                Events.nanos(h(0)),
                Events.nanos(h(2)),
                DefaultMappings.of("iso27001"),
                Events.VERIFICATION,
                List.of());
    assertTrue(
        m.controls().stream().allMatch(c -> c.status() == ControlCoverage.Status.NO_EVIDENCE));
    assertTrue(MarkdownReport.render(m).contains("- A.8.15 Logging: no evidence"));
  }
}
