package dev.tlog.client.cli;

import dev.tlog.client.ledger.EventLines;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.FilterException;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The event filter flags shared by the ledger commands (spec/ledger.md, "Queries"): every flag
 * given must hold; repeated flags match any of their values. Times are RFC 3339 ({@code
 * 2026-11-29T14:02:03Z}, any precision and offset), {@code now}, or relative to now ({@code -15m},
 * {@code -2h}, {@code -30s}, {@code -1d}). The event-time range is a mixin of its own ({@link
 * EventTimeOptions}) because {@code tlog export} spells it differently.
 */
final class FilterOptions {
  private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,9})([smhd])");

  @Option(
      names = "--received-from",
      paramLabel = "TIME",
      description = "Received by the log at or after TIME (provable, see window verify).")
  String receivedFrom;

  @Option(names = "--received-to", paramLabel = "TIME", description = "Received before TIME.")
  String receivedTo;

  @Option(
      names = "--actor",
      paramLabel = "ACTOR",
      description = "Actor, e.g. agent:planner (repeatable).")
  List<String> actors = new ArrayList<>();

  @Option(names = "--action", paramLabel = "ACTION", description = "Action type (repeatable).")
  List<String> actions = new ArrayList<>();

  @Option(
      names = "--severity",
      paramLabel = "SEVERITY",
      description = "Exactly this severity (repeatable).")
  List<String> severities = new ArrayList<>();

  @Option(
      names = "--min-severity",
      paramLabel = "SEVERITY",
      description = "At least this severity: debug<info<notice<warning<error<critical.")
  String minSeverity;

  @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "Metadata equals (repeatable).")
  Map<String, String> meta = new LinkedHashMap<>();

  @Option(
      names = "--text",
      paramLabel = "QUERY",
      description =
          "Full text over payload and meta values: words (all must occur), \"phrases\", -word,"
              + " field:word for a payload field.")
  String text;

  /**
   * The filter with the event times of {@code time} (may be null); without {@code withReceived} the
   * receive-time flags are left to {@link #receivedWindow}.
   */
  EventFilter filter(EventTimeOptions time, boolean withReceived) {
    try {
      EventFilter.Builder b = EventFilter.builder();
      if (time != null && (time.from != null || time.to != null)) {
        b.time(time(time.fromFlag, time.from, 0), time(time.toFlag, time.to, Long.MAX_VALUE));
      }
      if (withReceived && (receivedFrom != null || receivedTo != null)) {
        TimeRange r = receivedWindow(false);
        b.received(r.from(), r.to());
      }
      b.actors(actors).actions(actions);
      for (String s : severities) {
        b.severity(Severity.parse("--severity", s));
      }
      if (minSeverity != null) {
        b.minSeverity(Severity.parse("--min-severity", minSeverity));
      }
      return b.meta(meta).text(text == null ? "" : text).build();
    } catch (FilterException | EventFormatException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** {@code [--received-from, --received-to)}; {@code required}: --received-from must be given. */
  TimeRange receivedWindow(boolean required) {
    if (required && receivedFrom == null) {
      throw new UsageException("give the window with --received-from (and --received-to)");
    }
    long f = time("--received-from", receivedFrom, 0);
    long t = time("--received-to", receivedTo, Long.MAX_VALUE);
    if (t <= f) {
      throw new UsageException("--received-to must be after --received-from");
    }
    return new TimeRange(f, t);
  }

  /** Whether any filter flag was given. */
  boolean any() {
    return hasReceived()
        || !actors.isEmpty()
        || !actions.isEmpty()
        || !severities.isEmpty()
        || minSeverity != null
        || !meta.isEmpty()
        || text != null;
  }

  boolean hasReceived() {
    return receivedFrom != null || receivedTo != null;
  }

  /** A time flag in nanoseconds, {@code absent} when not given. */
  static long time(String flag, String value, long absent) {
    if (value == null) {
      return absent;
    }
    Instant t;
    Matcher m = RELATIVE.matcher(value);
    if (value.equals("now")) {
      t = Instant.now();
    } else if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      t = Instant.now().minus(d);
    } else {
      try {
        t = EventLines.parseTime(flag, value);
      } catch (EventFormatException e) {
        throw new UsageException(
            flag
                + ": want RFC 3339 (2026-11-29T14:02:03Z), now, or -15m/-2h/-30s/-1d, got \""
                + value
                + "\"");
      }
    }
    if (t.getEpochSecond() < 0) {
      throw new UsageException(flag + ": before 1970");
    }
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
