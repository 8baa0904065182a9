package dev.tlog.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * What one load run does: how long each scenario lasts, the log sizes read scenarios run at, and
 * the optional overload soak.
 *
 * @param appendDuration length of each append scenario
 * @param readDuration length of each read scenario
 * @param sizes log sizes to fill to (ascending) for the read scenarios
 * @param overload length of the overload scenario; zero to skip it
 * @param entryBytes size of every appended entry
 */
public record LoadPlan(
    Duration appendDuration,
    Duration readDuration,
    List<Long> sizes,
    Duration overload,
    int entryBytes) {
  public LoadPlan {
    sizes = sizes.stream().sorted().toList();
    if (sizes.isEmpty() || sizes.get(0) < 2) {
      throw new IllegalArgumentException("need at least one log size >= 2, got " + sizes);
    }
  }

  public long largestSize() {
    return sizes.get(sizes.size() - 1);
  }
}
