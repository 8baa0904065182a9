package dev.tlog.compliance.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {
  private static final Instant Y2025 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant Y2026 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void hourlyDailyWeeklyOverAYear() {
    assertEquals(8760, Schedule.parse("hourly").count(Y2025, Y2026));
    assertEquals(365, Schedule.parse("daily").count(Y2025, Y2026));
    // 2025 has 52 Mondays (it starts on a Wednesday).
    assertEquals(52, Schedule.parse("weekly").count(Y2025, Y2026));
    assertEquals(
        Instant.parse("2025-03-03T00:00:00Z"),
        Schedule.parse("weekly").nextAfter(Instant.parse("2025-03-01T12:00:00Z")).orElseThrow());
  }

  @Test
  void cronAgreesWithTheIntervalItSpells() {
    Instant from = Instant.parse("2025-03-01T00:00:00Z");
    Instant to = Instant.parse("2025-03-08T00:00:00Z");
    assertEquals(
        Schedule.parse("hourly").slots(from, to, 1000),
        Schedule.parse("cron 0 * * * *").slots(from, to, 1000));
    assertEquals(
        Schedule.parse("every 15m").slots(from, to, 1000),
        Schedule.parse("cron */15 * * * *").slots(from, to, 1000));
  }

  @ParameterizedTest
  @CsvSource({
    "hourly, hourly",
    "HOURLY, hourly",
    "every 1h, hourly",
    "every 60m, hourly",
    "every 24h, daily",
    "every 90s, every 90s",
    "every 120m, every 2h",
    "every 2 d, every 2d",
    "' weekly ', weekly",
  })
  void canonicalText(String text, String canonical) {
    assertEquals(canonical, Schedule.parse(text).text());
    assertEquals(Schedule.parse(text), Schedule.parse(canonical));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sometimes",
        "every 0s",
        "every 367d",
        "every 5x",
        "every -1m",
        "cron * * *",
        "cron 61 * * * *",
        "cron 0 0 30 2 *",
        "every 99999999s",
      })
  void garbageIsRefusedWithAMessage(String text) {
    ScheduleException e = assertThrows(ScheduleException.class, () -> Schedule.parse(text));
    assertTrue(e.getMessage().startsWith("schedule: "), e.getMessage());
  }

  @Test
  void enumerationIsBounded() {
    Schedule s = Schedule.parse("every 1s");
    assertEquals(31_536_000, s.count(Y2025, Y2026));
    assertThrows(ScheduleException.class, () -> s.slots(Y2025, Y2026, 1000));
    assertEquals(List.of(), s.slots(Y2026, Y2025, 10));
  }

  @Test
  void nothingBeforeTheEpoch() {
    assertTrue(Schedule.parse("hourly").atOrBefore(Instant.EPOCH.minusSeconds(1)).isEmpty());
    assertEquals(Instant.EPOCH, Schedule.parse("hourly").atOrBefore(Instant.EPOCH).orElseThrow());
  }
}
