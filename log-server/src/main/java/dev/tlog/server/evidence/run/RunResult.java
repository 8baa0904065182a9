package dev.tlog.server.evidence.run;

import dev.tlog.compliance.evidence.CollectionRecord.Status;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** How one run ended and what it produced; the scheduler adds when and for which slot. */
public record RunResult(
    Status status,
    CapturedOutput output,
    Optional<Long> exitCode,
    Optional<Long> httpStatus,
    SortedMap<String, String> files,
    Optional<String> error) {

  public RunResult {
    files = new TreeMap<>(files == null ? Map.of() : files);
  }

  static RunResult ok(CapturedOutput output) {
    return new RunResult(
        Status.OK, output, Optional.empty(), Optional.empty(), null, Optional.empty());
  }

  static RunResult failed(CapturedOutput output, String error) {
    return new RunResult(
        Status.FAILED, output, Optional.empty(), Optional.empty(), null, Optional.of(error));
  }
}
