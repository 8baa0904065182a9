package dev.tlog.bench.load;

import io.grpc.Status;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failed calls by kind: {@code rejected} for {@code RESOURCE_EXHAUSTED} (pushback), otherwise
 * {@code error_<STATUS>} (or {@code error_<what>} for non-gRPC failures). Thread-safe.
 */
public final class Failures {
  /** Count key of pushback. */
  public static final String REJECTED = "rejected";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts {@code t} under its kind, {@code units} times (entries of a rejected batch). */
  public void add(Throwable t, long units) {
    Status s = Status.fromThrowable(t);
    String key =
        s.getCode() == Status.Code.RESOURCE_EXHAUSTED
            ? REJECTED
            : "error_"
                + (s.getCode() == Status.Code.UNKNOWN && s.getDescription() == null
                    ? t.getClass().getSimpleName()
                    : s.getCode().name());
    add(key, units);
  }

  /** Counts {@code units} under {@code key}. */
  public void add(String key, long units) {
    counts.computeIfAbsent(key, k -> new LongAdder()).add(units);
  }

  /** Total of every count except {@code rejected}. */
  public long errors() {
    return counts.entrySet().stream()
        .filter(e -> !e.getKey().equals(REJECTED))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
