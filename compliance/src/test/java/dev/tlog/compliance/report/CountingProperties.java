package dev.tlog.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.compliance.mapping.DefaultMappings;
import dev.tlog.compliance.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random schedules (with a schedule change) and random outcomes per slot, every due slot is
 * counted exactly once, as the generator decided it: done + failed + missed + unaccounted == due.
 */
class CountingProperties {
  private static final String[] SCHEDULES = {
    "hourly", "every 15m", "every 2h", "daily", "every 45m"
  };
  private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

  @Property(tries = 200)
  void everyDueSlotIsCountedOnceAsGenerated(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int collectors,
      @ForAll @IntRange(min = 1, max = 96) int hours,
      @ForAll @IntRange(min = 0, max = 59) int startMinute) {
    Random rnd = new Random(seed);
    Instant from = BASE.plus(Duration.ofMinutes(startMinute));
    Instant to = from.plus(Duration.ofHours(hours));
    Events ev = new Events();
    long[][] expected = new long[collectors][5]; // due, done, failed, missed, unaccounted
    boolean change = rnd.nextBoolean();
    Instant changeAt = from.plus(Duration.ofMinutes(rnd.nextInt(hours * 60) + 1));
    List<ScheduleRecord.Collector> listed = new ArrayList<>();
    for (int c = 0; c < collectors; c++) {
      String name = "c" + c;
      Schedule s1 = Schedule.parse(SCHEDULES[rnd.nextInt(SCHEDULES.length)]);
      Schedule s2 = Schedule.parse(SCHEDULES[rnd.nextInt(SCHEDULES.length)]);
      List<Instant> before = s1.slots(from, change ? changeAt : to, 100_000);
      List<Instant> after = change ? s2.slots(changeAt, to, 100_000) : List.of();
      if (change) {
        listed.add(new ScheduleRecord.Collector(name, s2.text(), "command", 1000, List.of()));
      }
      // With no slot before the change, the collector's first record is after the schedule
      // event, which therefore added it: nothing of it was due before (spec, "Counting").
      int[] outcome = new int[before.size() + after.size()];
      for (int k = 0; k < outcome.length; k++) {
        outcome[k] = k == 0 ? 0 : rnd.nextInt(5); // the first slot is done: it states s1
      }
      List<Instant> all = new ArrayList<>(before);
      all.addAll(after);
      int k = 0;
      while (k < all.size()) {
        Instant slot = all.get(k);
        String text = k < before.size() ? s1.text() : s2.text();
        expected[c][0]++;
        switch (outcome[k]) {
          case 0 -> {
            ev.collection(name, text, slot, CollectionRecord.Status.OK, "x");
            expected[c][1]++;
          }
          case 1 -> {
            ev.collection(name, text, slot, CollectionRecord.Status.FAILED, "x");
            expected[c][2]++;
          }
          case 2 -> {
            ev.collection(name, text, slot, CollectionRecord.Status.TIMEOUT, "x");
            expected[c][2]++;
          }
          case 3 -> {
            // A run of missed slots under one schedule is one evidence.missed event.
            int end = k;
            while (end + 1 < all.size()
                && outcome[end + 1] == 3
                && (end + 1 < before.size()) == (k < before.size())) {
              end++;
              expected[c][0]++;
            }
            expected[c][3] += end - k + 1;
            ev.missed(name, text, slot, all.get(end), end - k + 1);
            k = end;
          }
          default -> expected[c][4]++;
        }
        k++;
      }
    }
    if (change) {
      ev.schedule(changeAt, listed);
    }
    ReportModel m =
        new ReportCalculator()
            .compute(
                "soc2",
                Events.nanos(from),
                Events.nanos(to),
                DefaultMappings.of("soc2"),
                Events.VERIFICATION,
                ev.build());
    for (int c = 0; c < collectors; c++) {
      String name = "c" + c;
      CollectorCount got =
          m.collectors().stream()
              .filter(x -> x.name().equals(name))
              .findFirst()
              .orElse(new CollectorCount(name, List.of(), 0, 0, 0, 0, 0, 0, List.of()));
      assertEquals(
          List.of(expected[c][0], expected[c][1], expected[c][2], expected[c][3], expected[c][4]),
          List.of(got.due(), got.done(), got.failed(), got.missed(), got.unaccounted()),
          name);
      assertEquals(got.due(), got.done() + got.failed() + got.missed() + got.unaccounted());
      assertEquals(
          got.unaccounted(),
          got.unaccountedRanges().stream().mapToLong(SlotRange::count).sum(),
          name);
    }
  }
}
