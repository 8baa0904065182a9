package dev.tlog.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.witness.fork.ForkEvidence;
import dev.tlog.witness.testing.TestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tlog-witness verify-evidence}: exit 0 for a real fork, 1 otherwise. */
class VerifyEvidenceCommandTest {
  @TempDir Path dir;

  @Test
  void verifiesEvidenceFilesOffline() throws Exception {
    TestLog a = new TestLog("log.test/cli", 50).append(4, "a");
    TestLog b = a.fork(1).append(3, "b");
    ForkEvidence fork =
        ForkEvidence.of(
            a.origin(),
            List.of(a.vkey()),
            a.checkpoint().serialize(),
            b.checkpoint().serialize(),
            List.of(),
            "2025-01-02T03:04:05Z",
            "test");
    Path file = dir.resolve("fork.json");
    Files.write(file, fork.toJson());
    assertEquals(0, run(file.toString()));
    assertEquals(0, run(file.toString(), "--log-key", a.vkey()));
    assertEquals(1, run(file.toString(), "--log-key", new TestLog("log.test/cli", 51).vkey()));

    ForkEvidence noFork =
        ForkEvidence.of(
            a.origin(),
            List.of(a.vkey()),
            a.checkpoint().serialize(),
            a.checkpoint().serialize(),
            List.of(),
            "2025-01-02T03:04:05Z",
            "test");
    Files.write(file, noFork.toJson());
    assertEquals(1, run(file.toString()));
  }

  private static int run(String... args) {
    return new CommandLine(new VerifyEvidenceCommand()).execute(args);
  }
}
