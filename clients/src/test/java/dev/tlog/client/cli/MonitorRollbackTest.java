package dev.tlog.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.client.testing.LogServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that rolls back or forks between two {@code tlog monitor} runs: same key and origin, new
 * empty data directory.
 */
class MonitorRollbackTest {
  @TempDir Path tmp;

  private Result monitor(LogServerProcess s) {
    return Cli.run(
        "monitor",
        "--once",
        "--grpc",
        s.grpc(),
        "--vkey",
        s.vkey(),
        "--state-dir",
        tmp.resolve("state").toString());
  }

  private static void append(LogServerProcess s, String... entries) {
    String[] args = new String[entries.length + 6];
    args[0] = "append";
    args[1] = "--grpc";
    args[2] = s.grpc();
    args[3] = "--vkey";
    args[4] = s.vkey();
    args[5] = "--no-state";
    System.arraycopy(entries, 0, args, 6, entries.length);
    Result r = Cli.run(args);
    assertEquals(0, r.exit(), r::toString);
  }

  @Test
  void rollbackThenForkAreDetected() throws Exception {
    Path key = tmp.resolve("log.key");
    String vkey;
    try (LogServerProcess a = LogServerProcess.start(tmp.resolve("a"), key)) {
      vkey = a.vkey();
      append(a, "a0", "a1", "a2", "a3", "a4");
      Result first = monitor(a);
      assertEquals(0, first.exit(), first::toString);
      assertTrue(first.out().contains("checkpoint size 5"), first::toString);
    }
    try (LogServerProcess b = LogServerProcess.start(tmp.resolve("b"), key)) {
      assertEquals(vkey, b.vkey());
      append(b, "b0", "b1");
      Result rolledBack = monitor(b);
      assertEquals(ExitCodes.LOG_INCONSISTENT, rolledBack.exit(), rolledBack::toString);
      assertTrue(rolledBack.err().contains("ALERT: log rolled back"), rolledBack::toString);
      assertTrue(rolledBack.err().contains("size 2"), rolledBack::toString);

      append(b, "b2", "b3", "b4", "b5", "b6");
      Result forked = monitor(b);
      assertEquals(ExitCodes.LOG_INCONSISTENT, forked.exit(), forked::toString);
      assertTrue(forked.err().contains("ALERT: log forked"), forked::toString);
    }
  }
}
