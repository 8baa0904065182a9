package dev.tlog.merkle.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EventTimeTest {
  @Test
  void everyTimeFormatParsesBackIncludingTheLastNanosecondOf2262() {
    for (long t : new long[] {0, 1, 999_999_999, 1_796_000_000_123_456_789L, Long.MAX_VALUE}) {
      assertEquals(t, EventTime.parse("time", EventTime.format(t)), EventTime.format(t));
    }
    assertEquals("2262-04-11T23:47:16.854775807Z", EventTime.format(Long.MAX_VALUE));
  }

  @Test
  void rejectsTimesOutsideTheSigned64BitNanosecondRange() {
    for (String s :
        new String[] {
          "1969-12-31T23:59:59.999999999Z",
          "2262-04-11T23:47:16.854775808Z",
          "2262-04-11T23:47:17.000000000Z",
          "9999-12-31T23:59:59.999999999Z"
        }) {
      assertEquals(
          "time",
          assertThrows(EventFormatException.class, () -> EventTime.parse("time", s)).field());
    }
  }
}
