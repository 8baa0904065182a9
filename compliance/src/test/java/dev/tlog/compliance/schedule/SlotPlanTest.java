package dev.tlog.compliance.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotPlanTest {
  private static final Schedule HOURLY = Schedule.parse("hourly");

  private static Instant t(String s) {
    return Instant.parse("2026-03-02T" + s + "Z");
  }

  @Test
  void restartAcrossThreeHoursMissesThemAsOneRange() {
    SlotPlan p = SlotPlan.plan(HOURLY, t("10:00:00"), t("13:30:00"));
    assertEquals(Optional.empty(), p.run());
    assertEquals(new SlotPlan.MissedRange(t("11:00:00"), t("13:00:00"), 3), p.missed().get());
  }

  @Test
  void latestSlotWithinGraceIsRunAndTheRestMissed() {
    SlotPlan p = SlotPlan.plan(HOURLY, t("10:00:00"), t("13:00:59"));
    assertEquals(Optional.of(t("13:00:00")), p.run());
    assertEquals(new SlotPlan.MissedRange(t("11:00:00"), t("12:00:00"), 2), p.missed().get());
  }

  @Test
  void graceIsInclusive() {
    assertEquals(
        Optional.of(t("11:00:00")), SlotPlan.plan(HOURLY, t("10:00:00"), t("11:01:00")).run());
    assertTrue(SlotPlan.plan(HOURLY, t("10:00:00"), t("11:01:00.000000001")).run().isEmpty());
  }

  @Test
  void nothingWhenNoSlotIsNew() {
    assertTrue(SlotPlan.plan(HOURLY, t("13:00:00"), t("13:45:00")).isEmpty());
    assertTrue(SlotPlan.plan(HOURLY, t("13:00:00"), t("13:00:00")).isEmpty());
    assertTrue(SlotPlan.plan(HOURLY, t("13:00:00"), t("12:00:00")).isEmpty());
  }

  @Test
  void graces() {
    assertEquals(Duration.ofSeconds(1), SlotPlan.grace(Schedule.parse("every 1s")));
    assertEquals(Duration.ofSeconds(1), SlotPlan.grace(Schedule.parse("every 2s")));
    assertEquals(Duration.ofMillis(1500), SlotPlan.grace(Schedule.parse("every 3s")));
    assertEquals(Duration.ofSeconds(45), SlotPlan.grace(Schedule.parse("every 90s")));
    assertEquals(Duration.ofSeconds(60), SlotPlan.grace(HOURLY));
    assertEquals(Duration.ofSeconds(60), SlotPlan.grace(Schedule.parse("cron 0 * * * *")));
  }

  @Test
  void withoutRunTurnsAFailedAppendIntoAMissedSlot() {
    SlotPlan p = SlotPlan.plan(HOURLY, t("10:00:00"), t("11:00:10")).withoutRun(HOURLY);
    assertEquals(new SlotPlan.MissedRange(t("11:00:00"), t("11:00:00"), 1), p.missed().get());
  }
}
