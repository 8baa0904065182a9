package dev.tlog.merkle.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.hash.Hash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Limits of spec/ledger.md that the encoders and parsers must apply alike. */
class EventLimitsTest {
  private static final Hash SALT = Hash.fromHex("5a".repeat(32));

  private static String submission(String payloadMember) {
    return "{\"action\":\"acme.deploy\",\"actor\":\"service:ci\",\"format\":\"tlog-event/1\""
        + payloadMember
        + ",\"salt\":\""
        + SALT.toHex()
        + "\",\"severity\":\"info\",\"time\":\"2026-11-29T14:02:03.000000001Z\"}";
  }

  private static Event.Builder event() {
    return Event.builder().timeNanos(1).actor("service:ci").action("acme.deploy").salt(SALT);
  }

  private static String field(Executable action) {
    return assertThrows(EventFormatException.class, action).field();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSubmissionWithoutPayloadIsRejected() {
    assertEquals("payload", field(() -> EventCodec.parseSubmission(utf8(submission("")))));
  }

  @Test
  void aPayloadThatIsNotAnObjectFailsOnPayload() {
    // JCS canonicalises only objects and arrays: a scalar payload must be refused before.
    for (String p : new String[] {"2.5e-323", "\"text\"", "[1]", "null", "true"}) {
      assertEquals(
          "payload",
          field(() -> EventCodec.parseSubmission(utf8(submission(",\"payload\":" + p)))),
          p);
    }
  }

  @Test
  void anEventWithoutPayloadOrActionFailsOnThatField() {
    assertEquals("payload", field(() -> event().payload(null).build()));
    assertEquals(
        "action",
        field(
            () ->
                new Event(
                    1,
                    "service:ci",
                    null,
                    Severity.INFO,
                    "{}",
                    new java.util.TreeMap<>(),
                    new java.util.TreeMap<>(),
                    SALT)));
  }

  @Test
  void aPayloadAsDeepAsAnEventAcceptsFitsItsSubmissionAndPayloadRecord() {
    // The payload sits one level inside the submission and the payload record.
    for (int depth = 1; depth <= CanonicalJson.MAX_DEPTH + 2; depth++) {
      String payload = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      Event e;
      try {
        e = event().payload(payload).build();
      } catch (EventFormatException tooDeep) {
        assertEquals("payload", tooDeep.field());
        assertThrows(
            EventFormatException.class,
            () -> EventCodec.parseSubmission(utf8(submission(",\"payload\":" + payload))));
        continue;
      }
      assertEquals(e, EventCodec.parseSubmission(EventCodec.submission(e)), "depth " + depth);
      assertEquals(
          e.payload(),
          EventCodec.parsePayloadRecord(EventCodec.payloadRecord(e)).payload(),
          "depth " + depth);
    }
  }

  @Test
  void loneSurrogatesAreRejectedNotReplaced() {
    // I-JSON (RFC 7493 §2.1), which RFC 8785 §3.1 requires: strings are valid Unicode.
    assertEquals(
        "(document)",
        field(
            () ->
                EventCodec.parseSubmission(utf8(submission(",\"payload\":{\"n\":\"\\ud800\"}")))));
    assertEquals(
        "(document)",
        field(() -> EventCodec.parseSubmission(utf8(submission(",\"payload\":{\"\\udc00\":1}")))));
    assertEquals("actor", field(() -> event().actor("user:\ud800x").build()));
    assertEquals("meta.k", field(() -> event().meta("k", "\udfff").build()));
    assertEquals("links.session", field(() -> event().link("session", "s\ud83d").build()));
    assertEquals("payload", field(() -> event().payload("{\"n\":\"\ud800\"}").build()));
  }

  @Test
  void everyNumberBeyondTwoToThe53FailsWhereItIsParsed() {
    // Each canonicalises to an integer beyond 2^53 (RFC 7493 §2.2), so each fails on the first
    // pass over the submission, like 2^53 + 1 does.
    for (String n :
        new String[] {
          "9007199254740993", "-9007199254740993", "-9223372036854775808", "1e16", "-1.5e20"
        }) {
      assertEquals(
          "(document)",
          field(
              () -> EventCodec.parseSubmission(utf8(submission(",\"payload\":{\"n\":" + n + "}")))),
          n);
      assertEquals("payload", field(() -> event().payload("{\"n\":" + n + "}").build()), n);
    }
    for (String n : new String[] {"9007199254740992", "-9007199254740992", "1e21", "-1e300"}) {
      EventCodec.parseSubmission(utf8(submission(",\"payload\":{\"n\":" + n + "}")));
    }
  }

  @Test
  void actorsWithC1ControlCharactersAreRejected() {
    for (String actor :
        new String[] {"user:a\u0085b", "user:\u009f", "user:a\u0000", "user:\u007f"}) {
      assertEquals("actor", field(() -> event().actor(actor).build()), actor);
    }
    event().actor("user:J\u00fcrgen \u2014 \ud83d\ude00").build();
  }
}
