package dev.tlog.runtime.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks behind {@code GET /readyz}: each names one condition the server needs to do its job
 * (storage open, key loaded, writer running, not lagging) and reports what is wrong, or nothing. A
 * check must be cheap and must not block: it runs on an event loop for every probe.
 *
 * <p>Threading: immutable; the checks themselves must be safe to call from any thread.
 */
public final class Readiness {
  /**
   * One condition: {@code problem} returns why it does not hold, or empty when it does.
   *
   * @param name shown before the reason, e.g. {@code writer}
   * @param problem empty when ready
   */
  public record Check(String name, Supplier<Optional<String>> problem) {}

  private final List<Check> checks;

  public Readiness(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** One line {@code "<name>: <reason>"} per failed check; empty when ready. */
  public List<String> failures() {
    List<String> out = new ArrayList<>();
    for (Check c : checks) {
      Optional<String> problem;
      try {
        problem = c.problem().get();
      } catch (RuntimeException e) {
        problem = Optional.of("check failed: " + e.getMessage());
      }
      problem.ifPresent(p -> out.add(c.name() + ": " + p));
    }
    return out;
  }
}
