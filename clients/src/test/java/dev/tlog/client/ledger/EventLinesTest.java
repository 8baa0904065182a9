package dev.tlog.client.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JSON-lines input of tlog ingest. */
class EventLinesTest {
  private static final Instant NOW = Instant.parse("2026-11-29T14:00:00Z");

  private static Event parse(String line) {
    return EventLines.parse(line, () -> NOW);
  }

  @Test
  void defaultsAndEveryField() {
    Event e = parse("{\"actor\":\"agent:a\",\"action\":\"acme.deploy\"}");
    assertEquals(NOW, e.time());
    assertEquals(Severity.INFO, e.severity());
    assertEquals("{}", e.payload());
    Event full =
        parse(
            "{\"time\":\"2026-11-29T15:02:03.5+01:00\",\"actor\":\"agent:a\","
                + "\"action\":\"agent.tool_call\",\"severity\":\"critical\","
                + "\"payload\":{\"tool\" : \"x\", \"n\": 1},\"meta\":{\"host\":\"h\"},"
                + "\"links\":{\"session\":\"s\"}}");
    assertEquals(Instant.parse("2026-11-29T14:02:03.500Z"), full.time());
    assertEquals("{\"n\":1,\"tool\":\"x\"}", full.payload());
    assertEquals("h", full.meta().get("host"));
    assertEquals("s", full.links().get("session"));
  }

  @Test
  void timesOfAnyPrecisionAndOffset() {
    assertEquals(
        Instant.parse("2026-11-29T14:02:03Z"), EventLines.parseTime("t", "2026-11-29T14:02:03Z"));
    assertEquals(
        Instant.parse("2026-11-29T14:02:03.123456789Z"),
        EventLines.parseTime("t", "2026-11-29t14:02:03.123456789z"));
    assertEquals(
        Instant.parse("2026-11-29T19:32:03.100Z"),
        EventLines.parseTime("t", "2026-11-29T14:02:03.1-05:30"));
    assertThrows(EventFormatException.class, () -> EventLines.parseTime("t", "2026-11-29 14:02"));
    // Found by EventLinesFuzzTest: past 2262 or before 1677 the nanosecond count overflowed
    // (ArithmeticException).
    assertThrows(
        EventFormatException.class, () -> EventLines.parseTime("t", "3026-11-29T14:02:03Z"));
    assertThrows(
        EventFormatException.class,
        () ->
            EventLines.parse(
                "{\"time\":\"3026-11-29T14:00:00Z\",\"actor\":\"user:alice\","
                    + "\"action\":\"resource.snapshot\"}",
                Instant::now));
    assertThrows(
        EventFormatException.class, () -> EventLines.parseTime("t", "2026-11-29T14:02:03"));
  }

  @Test
  void invalidLinesNameTheField() {
    assertEquals("salt", field("{\"actor\":\"agent:a\",\"action\":\"x.y\",\"salt\":\"00\"}"));
    assertEquals("format", field("{\"actor\":\"agent:a\",\"action\":\"x.y\",\"format\":\"f\"}"));
    assertEquals("color", field("{\"actor\":\"agent:a\",\"action\":\"x.y\",\"color\":\"red\"}"));
    assertEquals("payload", field("{\"actor\":\"agent:a\",\"action\":\"x.y\",\"payload\":[1]}"));
    assertEquals("meta.k", field("{\"actor\":\"agent:a\",\"action\":\"x.y\",\"meta\":{\"k\":1}}"));
    assertEquals("actor", field("{\"action\":\"x.y\"}"));
    assertEquals("payload.tool", field("{\"actor\":\"agent:a\",\"action\":\"agent.tool_call\"}"));
    assertEquals("(line)", field("{\"actor\":"));
    assertEquals("(line)", field("[1]"));
    EventFormatException dup =
        assertThrows(
            EventFormatException.class,
            () -> parse("{\"actor\":\"agent:a\",\"actor\":\"agent:b\",\"action\":\"x.y\"}"));
    assertTrue(dup.getMessage().contains("actor"), dup.getMessage());
  }

  private static String field(String line) {
    return assertThrows(EventFormatException.class, () -> parse(line)).field();
  }
}
