package dev.tlog.server.evidence.config;

import dev.tlog.compliance.evidence.ScheduleRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The collectors a server runs, as read from {@code --collectors FILE}; names are unique. */
public record CollectorsConfig(List<CollectorSpec> collectors) {
  public CollectorsConfig {
    collectors = List.copyOf(collectors);
    if (collectors.size() > CollectorsFile.MAX_COLLECTORS) {
      throw new IllegalArgumentException(
          "at most " + CollectorsFile.MAX_COLLECTORS + " collectors, got " + collectors.size());
    }
    Set<String> names = new HashSet<>();
    for (CollectorSpec c : collectors) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("duplicate collector name \"" + c.name() + "\"");
      }
    }
  }

  /** The configuration as the {@code evidence.schedule} event records it. */
  public ScheduleRecord scheduleRecord() {
    return new ScheduleRecord(collectors.stream().map(CollectorSpec::scheduleEntry).toList());
  }
}
