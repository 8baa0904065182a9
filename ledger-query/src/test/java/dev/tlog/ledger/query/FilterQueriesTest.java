package dev.tlog.ledger.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import dev.tlog.merkle.ledger.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FilterQueriesTest {
  private static final Event EVENT =
      Event.builder()
          .timeNanos(SampleEvents.T0)
          .actor("agent:alpha")
          .action("agent.tool_call")
          .severity(Severity.WARNING)
          .payload(
              "{\"tool\":\"bash\",\"parameters\":{\"cmd\":\"rm -rf /tmp/x\"},\"result\":\"disk full\","
                  + "\"tags\":[\"red\",\"green\"]}")
          .meta("host", "db-1")
          .salt(Hash.ZERO)
          .build();
  private static final LedgerEntry ENTRY = EventCodec.parseEntry(EventCodec.entry(EVENT));
  private static final Optional<PayloadRecord> PAYLOAD =
      Optional.of(EventCodec.parsePayloadRecord(EventCodec.payloadRecord(EVENT)));

  private static boolean text(String q) {
    return EventMatcher.matches(EventFilter.builder().text(q).build(), 7, ENTRY, PAYLOAD, 1);
  }

  @Test
  void wordsAreAndedCaseInsensitiveOverPayloadAndMetaValues() {
    assertTrue(text("disk"));
    assertTrue(text("DISK Full"));
    assertTrue(text("db"), "meta values are searchable");
    assertTrue(text("green"), "array members are searchable");
    assertFalse(text("disk empty"));
    assertTrue(text("disk OR empty"));
    assertFalse(text("bash -disk"));
    assertTrue(text("-empty"), "a lone exclusion means everything without the word");
    assertFalse(text("agent"), "actor and action are filters, not text");
  }

  @Test
  void fieldNamesArePayloadPaths() {
    assertTrue(text("tool:bash"));
    assertTrue(text("parameters.cmd:rm"));
    assertFalse(text("result:bash"));
    assertFalse(text("host:db"), "meta keys are not payload paths");
    assertTrue(text("tags:red"));
  }

  @Test
  void phrasesStayWithinOneValue() {
    assertTrue(text("\"disk full\""));
    assertFalse(text("\"red green\""), "two array members are two values");
    assertTrue(text("tmp*"));
    assertTrue(text("dsk~1"));
  }

  @Test
  void malformedTextIsAFilterExceptionOnText() {
    for (String bad :
        new String[] {
          "disk AND",
          "(disk",
          "\"disk",
          "*isk",
          "tool:",
          "...",
          "a\u0001b",
          // Found by LedgerServiceFuzzTest: Lucene's regexp parser throws IllegalArgumentException.
          "/[/",
          "tool:/a{2,1}/",
          // A regexp whose automaton is too big: TooComplexToDeterminizeException.
          "/(a|b)*a" + "(a|b)".repeat(30) + "/"
        }) {
      FilterException e = assertThrows(FilterException.class, () -> FilterQueries.text(bad), bad);
      assertEquals("text", e.field());
      assertTrue(e.getMessage().startsWith("filter.text: "), e.getMessage());
    }
  }

  @Test
  void badStructuredValuesNameTheirField() {
    assertEquals(
        "time_to",
        assertThrows(FilterException.class, () -> EventFilter.builder().time(10, 5).build())
            .field());
    assertEquals(
        "received_from",
        assertThrows(FilterException.class, () -> EventFilter.builder().received(-1, 5).build())
            .field());
    assertEquals(
        "actors",
        assertThrows(FilterException.class, () -> EventFilter.builder().actor("").build()).field());
    assertEquals(
        "meta",
        assertThrows(FilterException.class, () -> EventFilter.builder().meta("a b", "x").build())
            .field());
    assertEquals(
        "text",
        assertThrows(
                FilterException.class, () -> EventFilter.builder().text("x".repeat(1025)).build())
            .field());
  }

  @Test
  void severitySetAndMinimumCombine() {
    EventFilter f =
        EventFilter.builder()
            .severity(Severity.INFO)
            .severity(Severity.ERROR)
            .minSeverity(Severity.WARNING)
            .build();
    assertEquals(Optional.of(java.util.Set.of(Severity.ERROR)), f.allowedSeverities());
    assertFalse(EventMatcher.matches(f, 7, ENTRY, PAYLOAD, 1));
    assertTrue(
        EventMatcher.matches(
            EventFilter.builder().minSeverity(Severity.WARNING).build(), 7, ENTRY, PAYLOAD, 1));
  }

  @Test
  void clockMarksNeverMatchAndForeignPayloadsAreRefused() {
    assertFalse(
        EventMatcher.matches(
            EventFilter.ALL, 0, new LedgerEntry.ClockMark(5), Optional.empty(), 5));
    assertTrue(EventMatcher.matches(EventFilter.ALL, 7, ENTRY, Optional.empty(), -1));
    PayloadRecord other = new PayloadRecord("{\"tool\":\"bash\"}", Hash.ZERO);
    assertThrows(
        EventFormatException.class,
        () -> EventMatcher.matches(EventFilter.ALL, 7, ENTRY, Optional.of(other), 1));
  }
}
