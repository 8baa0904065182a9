package dev.tlog.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.ledger.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter flags: times in every accepted form, and the filter they build. */
class FilterOptionsTest {
  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @Test
  void timesAreRfc3339NowOrRelative() {
    assertEquals(
        nanos(Instant.parse("2026-11-29T14:02:03.5Z")),
        FilterOptions.time("--from", "2026-11-29T15:02:03.5+01:00", 0));
    long now = nanos(Instant.now());
    assertTrue(Math.abs(FilterOptions.time("--to", "now", 0) - now) < 5_000_000_000L);
    long fifteen = FilterOptions.time("--from", "-15m", 0);
    assertTrue(Math.abs(now - fifteen - 900_000_000_000L) < 5_000_000_000L);
    assertEquals(7, FilterOptions.time("--to", null, 7));
    assertThrows(UsageException.class, () -> FilterOptions.time("--from", "yesterday", 0));
  }

  @Test
  void flagsBuildOneFilter() {
    FilterOptions o = new FilterOptions();
    o.actors = List.of("agent:a", "agent:b");
    o.minSeverity = "warning";
    o.meta = Map.of("host", "web-1");
    o.text = "disk full";
    o.receivedFrom = "2026-11-29T14:00:00Z";
    EventFilter f =
        o.filter(EventTimeOptions.of("2026-11-29T13:00:00Z", null, "--from", "--to"), true);
    assertEquals(2, f.actors().size());
    assertEquals(Severity.WARNING, f.minSeverity().orElseThrow());
    assertEquals(nanos(Instant.parse("2026-11-29T13:00:00Z")), f.time().from());
    assertEquals(Long.MAX_VALUE, f.received().to());
    assertTrue(o.filter(null, false).received().isAll());
    o.minSeverity = "loud";
    assertThrows(UsageException.class, () -> o.filter(null, true));
  }
}
