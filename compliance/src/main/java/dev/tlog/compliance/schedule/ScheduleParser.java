package dev.tlog.compliance.schedule;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text forms of {@link Schedule}. */
final class ScheduleParser {
  private static final Pattern EVERY = Pattern.compile("every ([0-9]{1,7}) ?([smhd])");

  private ScheduleParser() {}

  static Schedule parse(String text) {
    if (text == null) {
      throw new ScheduleException("schedule: missing");
    }
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.length() > Schedule.MAX_TEXT) {
      throw new ScheduleException("schedule: at most " + Schedule.MAX_TEXT + " characters");
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "hourly":
        return Every.HOURLY;
      case "daily":
        return Every.DAILY;
      case "weekly":
        return Every.WEEKLY;
      default:
        break;
    }
    Matcher every = EVERY.matcher(s);
    if (every.matches()) {
      return Every.of(every.group(1), every.group(2));
    }
    if (s.startsWith("cron ")) {
      return CronSchedule.parse(s.substring("cron ".length()));
    }
    throw new ScheduleException(
        "schedule: want hourly, daily, weekly, \"every <n><s|m|h|d>\" or \"cron <5 fields>\","
            + " got \""
            + (s.length() > 40 ? s.substring(0, 37) + "..." : s)
            + "\"");
  }
}
