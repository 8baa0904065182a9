package dev.tlog.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.compliance.schedule.Schedule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleSmokeTest {
  @Test
  void hourlyOverAYear() {
    Schedule s = Schedule.parse("hourly");
    assertEquals(
        8760,
        s.count(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
    Schedule c = Schedule.parse("cron 0 * * * *");
    assertEquals(
        s.count(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-08T00:00:00Z")),
        c.count(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-08T00:00:00Z")));
    assertEquals("cron 0 * * * *", c.text());
    assertEquals(
        Instant.parse("2025-03-03T00:00:00Z"),
        Schedule.parse("weekly").nextAfter(Instant.parse("2025-03-01T12:00:00Z")).get());
  }
}
