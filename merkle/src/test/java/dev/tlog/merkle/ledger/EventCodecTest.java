package dev.tlog.merkle.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.hash.Hash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private static Event sample() {
    return Event.builder()
        .timeNanos(1_796_000_000_123_456_789L)
        .actor("agent:planner")
        .action("agent.tool_call")
        .severity(Severity.WARNING)
        .payload("{ \"tool\": \"shell\", \"duration_ms\": 12.50, \"args\": [1, 2e3] }")
        .meta("host", "db-1")
        .link("session", "s-42")
        .salt(Hash.fromHex("00".repeat(32)))
        .build();
  }

  @Test
  void submissionRoundTripsAndEntryIsCanonical() {
    Event e = sample();
    byte[] sub = EventCodec.submission(e);
    assertEquals(e, EventCodec.parseSubmission(sub));
    String entry = new String(EventCodec.entry(e), StandardCharsets.UTF_8);
    assertEquals(
        "{\"action\":\"agent.tool_call\",\"actor\":\"agent:planner\",\"format\":\"tlog-event/1\","
            + "\"links\":{\"session\":\"s-42\"},\"meta\":{\"host\":\"db-1\"},\"payload_sha256\":\""
            + e.payloadHash().toHex()
            + "\",\"severity\":\"warning\",\"time\":\"2026-11-30T00:53:20.123456789Z\"}",
        entry);
    LedgerEntry.EventEntry parsed =
        (LedgerEntry.EventEntry) EventCodec.parseEntry(EventCodec.entry(e));
    EventCodec.parsePayloadRecord(EventCodec.payloadRecord(e)).checkAgainst(parsed);
    assertEquals("{\"args\":[1,2000],\"duration_ms\":12.5,\"tool\":\"shell\"}", e.payload());
  }

  @Test
  void rejectsNonCanonicalEntryAndNamesTheField() {
    byte[] entry = EventCodec.entry(sample());
    String spaced = new String(entry, StandardCharsets.UTF_8).replace(",", ", ");
    assertThrows(
        EventFormatException.class,
        () -> EventCodec.parseEntry(spaced.getBytes(StandardCharsets.UTF_8)));
    EventFormatException ex =
        assertThrows(
            EventFormatException.class,
            () ->
                Event.builder()
                    .actor("agent:x")
                    .action("agent.tool_call")
                    .payload("{\"args\":1}")
                    .build());
    assertEquals("payload.tool", ex.field());
    assertEquals(
        "clock",
        assertThrows(
                EventFormatException.class,
                () ->
                    EventCodec.parseEntry(
                        "{\"clock\":\"2026-01-01T00:00:00Z\",\"format\":\"tlog-clock/1\"}"
                            .getBytes(StandardCharsets.UTF_8)))
            .field());
  }
}
