package dev.tlog.runtime.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One line per failed check, in order; a check that throws is a failed check, not a 500. */
class ReadinessTest {
  @Test
  void reportsEachFailedCheckByName() {
    Readiness r =
        new Readiness(
            List.of(
                new Readiness.Check("storage", Optional::empty),
                new Readiness.Check("writer", () -> Optional.of("stopped")),
                new Readiness.Check(
                    "queue",
                    () -> {
                      throw new IllegalStateException("closed");
                    })));
    assertEquals(List.of("writer: stopped", "queue: check failed: closed"), r.failures());
    assertEquals(List.of(), new Readiness(List.of()).failures());
  }
}
