package dev.tlog.server.evidence.config;

import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.compliance.schedule.Schedule;
import java.time.Duration;
import java.util.Objects;

/**
 * One configured collector (spec/compliance.md, "Collectors (server side)"): its name, when it is
 * due, how long one run may take, and what it collects. Every instance is valid.
 */
public record CollectorSpec(String name, Schedule schedule, Duration timeout, Source source) {
  public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public CollectorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(source, "source");
    if (!CollectorsFile.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("collector name \"" + name + "\" is not valid");
    }
    if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be 1s to 1h, got " + timeout);
    }
  }

  /** {@code command}, {@code files}, {@code http} or {@code builtin}. */
  public String kind() {
    return source.kind();
  }

  /** This collector as the {@code evidence.schedule} event lists it. */
  public ScheduleRecord.Collector scheduleEntry() {
    return new ScheduleRecord.Collector(
        name, schedule.text(), kind(), timeout.toMillis(), source.target());
  }
}
