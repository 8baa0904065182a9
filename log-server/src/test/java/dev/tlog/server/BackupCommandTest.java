package dev.tlog.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.testing.TestLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;

/**
 * {@code tlog-server backup} in process on a stopped log: the full verification of the copy reports
 * progress (issue 14), and what the command refuses. {@code crash/BackupUnderLoadTest} takes a
 * backup of a running server.
 */
class BackupCommandTest {
  @TempDir Path dir;

  @Test
  void fullVerificationOfTheCopyReportsProgressPastEachStep() throws Exception {
    Path data = dir.resolve("data");
    try (TestLog log = TestLog.start(data)) {
      for (int b = 0; b < 50; b++) {
        AppendBatchRequest.Builder req = AppendBatchRequest.newBuilder();
        for (int i = 0; i < 60; i++) {
          req.addEntries(ByteString.copyFrom("e" + b + "." + i, StandardCharsets.UTF_8));
        }
        log.blocking.appendBatch(req.build());
      }
    }
    Run run = backup("--data-dir", data, "--out", dir.resolve("b"), "--progress-step", "1000");
    assertEquals(0, run.exit(), run.err());
    List<String> progress =
        run.err().lines().filter(l -> l.contains(StartupVerifier.PROGRESS + ": ")).toList();
    // 3000 entries, a line past 1000, past 2000 and at the end (more if the walk is slow).
    assertTrue(progress.size() >= 3, run.err());
    assertTrue(
        progress.get(progress.size() - 1).contains(": 3000 of 3000 entries (100%)"), run.err());
    assertTrue(run.out().contains(BackupCommand.VERIFIED + "3000, root "), run.out());
    assertTrue(run.out().startsWith("backing up " + data.resolve("log")), run.out());
    assertTrue(Files.exists(dir.resolve("b/log/data.mdb")));
    assertFalse(Files.exists(dir.resolve("b/log/lock.mdb")), "checking the copy wrote to it");
  }

  @Test
  void refusesAMissingLogAMissingKeyAndANonEmptyOut() throws Exception {
    Path data = dir.resolve("data");
    Run none = backup("--data-dir", data, "--out", dir.resolve("b"));
    assertEquals(BackupCommand.EXIT_REFUSED, none.exit());
    assertEquals("tlog-server backup: no log in " + data.resolve("log"), none.err().strip());

    try (TestLog log = TestLog.start(data)) {
      // an empty log is enough
    }
    Path taken = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(taken.resolve("x"), "x");
    Run full = backup("--data-dir", data, "--out", taken);
    assertEquals(BackupCommand.EXIT_REFUSED, full.exit());
    assertTrue(full.err().contains(taken + " is not empty"), full.err());

    Run noKey = backup("--data-dir", data, "--key-file", dir.resolve("nokey"), "--out", dir);
    assertEquals(BackupCommand.EXIT_REFUSED, noKey.exit());
    assertTrue(noKey.err().contains("a log cannot be restored without its key"), noKey.err());

    Run ok = backup("--data-dir", data, "--out", dir.resolve("empty-log-backup"));
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(ok.out().contains(BackupCommand.VERIFIED + "0, root "), ok.out());
  }

  @Test
  void aCopyThatDoesNotVerifyIsExitCode4() throws Exception {
    Path data = dir.resolve("data");
    try (TestLog log = TestLog.start(data)) {
      AppendBatchRequest.Builder req = AppendBatchRequest.newBuilder();
      for (int i = 0; i < 10; i++) {
        req.addEntries(ByteString.copyFrom("e" + i, StandardCharsets.UTF_8));
      }
      log.blocking.appendBatch(req.build());
    }
    // One flipped bit in a stored chain hash: a well-formed environment that disagrees with itself.
    try (Env<ByteBuffer> env =
        Env.create().setMaxDbs(8).open(data.resolve("log").toFile(), EnvFlags.MDB_NOTLS)) {
      Dbi<ByteBuffer> chains = env.openDbi("chains");
      try (Txn<ByteBuffer> txn = env.txnWrite()) {
        ByteBuffer key = ByteBuffer.allocateDirect(Long.BYTES).putLong(0).flip();
        ByteBuffer stored = chains.get(txn, key);
        ByteBuffer value = ByteBuffer.allocateDirect(stored.remaining()).put(stored).flip();
        value.put(5, (byte) (value.get(5) ^ 1));
        chains.put(txn, key, value);
        txn.commit();
      }
    }
    Run bad = backup("--data-dir", data, "--out", dir.resolve("b"));
    assertEquals(BackupCommand.EXIT_BAD_COPY, bad.exit(), bad.err());
    assertTrue(
        bad.err().contains("the copy in " + dir.resolve("b") + " does not verify, do not use it:"),
        bad.err());
    assertTrue(bad.err().contains("chain hash 0 disagrees"), bad.err());
    assertFalse(bad.out().contains(BackupCommand.VERIFIED), bad.out());
  }

  private record Run(int exit, String out, String err) {}

  private static Run backup(Object... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] argv = new String[args.length + 1];
    argv[0] = "backup";
    for (int i = 0; i < args.length; i++) {
      argv[i + 1] = args[i].toString();
    }
    int exit =
        Main.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(argv);
    return new Run(exit, out.toString(), err.toString());
  }
}
