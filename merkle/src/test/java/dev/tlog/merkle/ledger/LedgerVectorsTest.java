package dev.tlog.merkle.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.testing.ExpectedError;
import dev.tlog.merkle.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every case of spec/vectors/ledger/ledger.json. */
class LedgerVectorsTest {
  private static final JsonNode V = Vectors.load("ledger/ledger.json");

  @Test
  void everyEventEncodesToItsEntryPayloadRecordAndHashes() {
    Set<String> actions = new TreeSet<>();
    for (JsonNode c : V.get("events")) {
      String name = c.get("name").asText();
      Event e = EventCodec.parseSubmission(bytes(c, "submission"));
      assertEquals(c.get("time_nanos").asLong(), e.timeNanos(), name);
      assertEquals(c.get("payload").asText(), e.payload(), name);
      byte[] entry = bytes(c, "entry");
      assertArrayEquals(entry, EventCodec.entry(e), name);
      assertArrayEquals(bytes(c, "payload_record"), EventCodec.payloadRecord(e), name);
      assertEquals(c.get("payload_sha256").asText(), e.payloadHash().toHex(), name);
      assertEquals(c.get("leaf_hash").asText(), TreeHasher.leafHash(entry).toHex(), name);
      assertEquals(Hash.fromHex(c.get("leaf_hash").asText()), TreeHasher.leafHash(entry), name);

      LedgerEntry.EventEntry parsed = (LedgerEntry.EventEntry) EventCodec.parseEntry(entry);
      assertEquals(
          new LedgerEntry.EventEntry(
              e.timeNanos(),
              e.actor(),
              e.action(),
              e.severity(),
              e.meta(),
              e.links(),
              e.payloadHash()),
          parsed,
          name);
      PayloadRecord record = EventCodec.parsePayloadRecord(bytes(c, "payload_record"));
      assertEquals(new PayloadRecord(e.payload(), e.salt()), record, name);
      record.checkAgainst(parsed);
      assertEquals(e, EventCodec.parseSubmission(EventCodec.submission(e)), name);
      actions.add(e.action());
    }
    assertTrue(actions.containsAll(ActionTypes.BUILT_IN.keySet()), "every built-in action type");
    assertTrue(
        actions.stream().anyMatch(a -> !ActionTypes.BUILT_IN.containsKey(a)), "a custom type");
  }

  @Test
  void everyClockMarkEncodesToItsEntryAndLeafHash() {
    for (JsonNode c : V.get("clock_marks")) {
      long nanos = c.get("time_nanos").asLong();
      byte[] entry = bytes(c, "entry");
      assertArrayEquals(entry, EventCodec.clockEntry(nanos), c.get("name").asText());
      assertEquals(new LedgerEntry.ClockMark(nanos), EventCodec.parseEntry(entry));
      assertEquals(c.get("leaf_hash").asText(), TreeHasher.leafHash(entry).toHex());
    }
  }

  @Test
  void everyInvalidCaseFailsNamingItsField() {
    assertTrue(V.get("invalid").size() > 0);
    for (JsonNode c : V.get("invalid")) {
      byte[] input =
          c.has("input_hex")
              ? HexFormat.of().parseHex(c.get("input_hex").asText())
              : bytes(c, "input");
      Executable parse =
          switch (c.get("parse").asText()) {
            case "submission" -> () -> EventCodec.parseSubmission(input);
            case "entry" -> () -> EventCodec.parseEntry(input);
            case "payload_record" -> () -> EventCodec.parsePayloadRecord(input);
            case "commitment" ->
                () ->
                    EventCodec.parsePayloadRecord(input)
                        .checkAgainst(
                            (LedgerEntry.EventEntry) EventCodec.parseEntry(bytes(c, "entry")));
            default -> throw new AssertionError(c.get("parse").asText());
          };
      ExpectedError.assertFails(c, parse);
    }
  }

  private static byte[] bytes(JsonNode c, String field) {
    return c.get(field).asText().getBytes(StandardCharsets.UTF_8);
  }
}
