package dev.tlog.merkle.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The ledger formats (spec/ledger.md) over arbitrary valid events: one event, one entry, one leaf
 * hash, whatever formatting its submission had; nothing else parses to it; parsers fail only with
 * {@link EventFormatException}.
 */
class EventCodecProperties {
  private static final int MAX_POSITIONS = 400;

  @Provide
  Arbitrary<Event> events() {
    return LedgerArbitraries.events();
  }

  @Provide
  Arbitrary<Hash> hashes() {
    return LedgerArbitraries.hashes();
  }

  @Provide
  Arbitrary<Long> times() {
    return LedgerArbitraries.times();
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return LedgerArbitraries.values(2);
  }

  @Property(tries = 300)
  void submissionParsesBackToTheSameEvent(@ForAll("events") Event e) {
    byte[] submission = EventCodec.submission(e);
    Event back = EventCodec.parseSubmission(submission);
    assertEquals(e, back);
    assertArrayEquals(submission, EventCodec.submission(back));
  }

  @Property(tries = 300)
  void entryAndPayloadRecordParseToTheEventsFields(@ForAll("events") Event e) {
    byte[] entry = EventCodec.entry(e);
    LedgerEntry.EventEntry want =
        new LedgerEntry.EventEntry(
            e.timeNanos(),
            e.actor(),
            e.action(),
            e.severity(),
            e.meta(),
            e.links(),
            e.payloadHash());
    assertEquals(want, EventCodec.parseEntry(entry));
    assertArrayEquals(
        entry, EventCodec.entry(EventCodec.parseSubmission(EventCodec.submission(e))));
    PayloadRecord record = EventCodec.parsePayloadRecord(EventCodec.payloadRecord(e));
    assertEquals(new PayloadRecord(e.payload(), e.salt()), record);
    record.checkAgainst(want);
  }

  @Property(tries = 300)
  void storedReadsAgreeWithStrictParsesAndDamageFailsTheCommitment(
      @ForAll("events") Event e,
      @ForAll("times") long clock,
      @ForAll @IntRange(min = 1, max = 255) int xor,
      @ForAll long seed) {
    byte[] entry = EventCodec.entry(e);
    byte[] record = EventCodec.payloadRecord(e);
    assertEquals(EventCodec.parseEntry(entry), EventCodec.parseStoredEntry(entry));
    byte[] mark = EventCodec.clockEntry(clock);
    assertEquals(EventCodec.parseEntry(mark), EventCodec.parseStoredEntry(mark));
    PayloadRecord stored = EventCodec.parseStoredPayloadRecord(record);
    assertEquals(EventCodec.parsePayloadRecord(record), stored);
    LedgerEntry.EventEntry committed = (LedgerEntry.EventEntry) EventCodec.parseEntry(entry);
    stored.checkAgainst(committed);
    // A damaged stored record never passes as the event's payload: it fails to read or its
    // commitment no longer matches.
    byte[] damaged = record.clone();
    damaged[(int) Math.floorMod(seed, (long) damaged.length)] ^= (byte) xor;
    try {
      EventCodec.parseStoredPayloadRecord(damaged).checkAgainst(committed);
      throw new AssertionError("a damaged payload record matched its entry");
    } catch (EventFormatException expected) {
      // the damage shows
    }
  }

  @Property(tries = 300)
  void clockMarksParseBack(@ForAll("times") long nanos) {
    byte[] entry = EventCodec.clockEntry(nanos);
    assertEquals(new LedgerEntry.ClockMark(nanos), EventCodec.parseEntry(entry));
  }

  @Property(tries = 300)
  void anyFormattingOfASubmissionGivesTheSameEntryAndLeafHash(
      @ForAll("events") Event e, @ForAll long seed) {
    JsonNode tree = CanonicalJson.parse("(document)", EventCodec.submission(e));
    String sent = JsonReformatter.reformat(tree, new Random(seed));
    Event back = EventCodec.parseSubmission(sent.getBytes(StandardCharsets.UTF_8));
    assertEquals(e, back, sent);
    byte[] entry = EventCodec.entry(back);
    assertArrayEquals(EventCodec.entry(e), entry, sent);
    assertEquals(
        TreeHasher.leafHash(EventCodec.entry(e)),
        TreeHasher.leafHash(entry),
        "leaf hash of " + sent);
    assertArrayEquals(EventCodec.payloadRecord(e), EventCodec.payloadRecord(back), sent);
  }

  @Property(tries = 40)
  void everySingleByteChangeOfAnEntryFailsOrParsesToAnotherEntry(
      @ForAll("events") Event e,
      @ForAll("times") long clock,
      @ForAll @IntRange(min = 1, max = 255) int xor,
      @ForAll long seed) {
    Random random = new Random(seed);
    for (byte[] entry : List.of(EventCodec.entry(e), EventCodec.clockEntry(clock))) {
      LedgerEntry original = EventCodec.parseEntry(entry);
      Hash leaf = TreeHasher.leafHash(entry);
      int[] masks = {xor, 0x01, 0x20}; // any change, a low bit, ASCII case
      for (int k = 0; k < Math.min(entry.length, MAX_POSITIONS); k++) {
        // Every byte of a short entry; a random sample of a long one.
        int i = entry.length <= MAX_POSITIONS ? k : random.nextInt(entry.length);
        int mask = masks[k % masks.length];
        byte[] changed = entry.clone();
        changed[i] ^= (byte) mask;
        LedgerEntry parsed;
        try {
          parsed = EventCodec.parseEntry(changed);
        } catch (EventFormatException rejected) {
          continue;
        }
        // Accepted: canonical form only, so other bytes must mean another entry.
        String at = "byte " + i + " ^ " + mask;
        assertNotEquals(original, parsed, at);
        assertNotEquals(leaf, TreeHasher.leafHash(changed), at);
      }
    }
  }

  @Property(tries = 100)
  void aPayloadRecordMatchesOnlyItsOwnEntry(
      @ForAll("events") Event e,
      @ForAll("hashes") Hash otherSalt,
      @ForAll("values") JsonNode otherMember,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    LedgerEntry.EventEntry entry =
        (LedgerEntry.EventEntry) EventCodec.parseEntry(EventCodec.entry(e));
    Assume.that(!otherSalt.equals(e.salt()));
    assertCommitmentFails(entry, new PayloadRecord(e.payload(), otherSalt));

    ObjectNode otherPayload = (ObjectNode) CanonicalJson.parse("payload", utf8(e.payload()));
    otherPayload.set("other member \u00e9", otherMember);
    assertCommitmentFails(
        entry, new PayloadRecord(CanonicalJson.canonical(otherPayload), e.salt()));

    byte[] record = EventCodec.payloadRecord(e);
    record[at % record.length] ^= (byte) xor;
    try {
      assertCommitmentFails(entry, EventCodec.parsePayloadRecord(record));
    } catch (EventFormatException rejected) {
      // not a payload record any more: as good as a failed commitment
    }
  }

  @Property(tries = 500)
  void randomBytesFailOnlyWithEventFormatException(@ForAll @Size(max = 300) byte[] garbage) {
    for (Function<byte[], Object> parser : parsers()) {
      assertThrows(EventFormatException.class, () -> parser.apply(garbage));
    }
  }

  @Property(tries = 150)
  void editedDocumentsParseOrFailOnlyWithEventFormatException(
      @ForAll("events") Event e,
      @ForAll("values") JsonNode value,
      @ForAll @IntRange(min = 0, max = 2) int edit,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<byte[]> documents =
        List.of(EventCodec.submission(e), EventCodec.entry(e), EventCodec.payloadRecord(e));
    for (byte[] document : documents) {
      ObjectNode tree = (ObjectNode) CanonicalJson.parse("(document)", document);
      List<String> names = new ArrayList<>();
      tree.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (edit) {
        case 0 -> tree.remove(name);
        case 1 -> tree.set(name, value);
        default -> tree.set(name + "x", value);
      }
      byte[] edited = utf8(JsonReformatter.reformat(tree, random));
      for (Function<byte[], Object> parser : parsers()) {
        try {
          parser.apply(edited);
        } catch (EventFormatException expected) {
          // the only exception a parser may throw
        } catch (RuntimeException other) {
          fail("threw " + other + " on " + new String(edited, StandardCharsets.UTF_8), other);
        }
      }
    }
  }

  private static void assertCommitmentFails(LedgerEntry.EventEntry entry, PayloadRecord record) {
    EventFormatException e =
        assertThrows(EventFormatException.class, () -> record.checkAgainst(entry));
    assertEquals("payload_sha256", e.field());
  }

  private static List<Function<byte[], Object>> parsers() {
    return List.of(
        EventCodec::parseSubmission, EventCodec::parseEntry, EventCodec::parsePayloadRecord);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
