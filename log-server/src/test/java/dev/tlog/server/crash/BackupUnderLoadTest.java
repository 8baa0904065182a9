package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.testing.ServerProcess;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code tlog-server backup} run as its own process while the real server process takes
 * appends of all three kinds; the backup restored into a new data directory with its key; a server
 * on it verifies (the storage walk in a child JVM, as deployed), holds every entry acknowledged
 * before the backup began with its bytes, recomputes root and chain head, and takes appends again.
 */
class BackupUnderLoadTest {
  @TempDir Path dir;

  @Test
  void aBackupTakenUnderLoadRestoresVerifiesAndContinues() throws Exception {
    Path data = dir.resolve("data");
    Path backup = dir.resolve("backup");
    Path restored = dir.resolve("restored");
    long seed = System.nanoTime();
    Map<Long, byte[]> promised;
    long backedUp;
    NoteVerifier key;
    try (ServerProcess server = ServerProcess.start(data, "--mode", "opaque")) {
      assertTrue(server.awaitStart().isEmpty(), server::output);
      key = VerifierKeys.parse(server.verifierKey());
      AcknowledgedLog log = new AcknowledgedLog(TestLog.ORIGIN, key);
      ManagedChannel channel = channel(server.grpcPort());
      try {
        AppendLoad load = new AppendLoad(channel, log, "before", seed);
        load.start();
        awaitAcks(load, 2000);
        promised = log.ackedSoFar();
        long acksAtStart = load.acks();
        Tool run = Tool.run("backup", "--data-dir", data.toString(), "--out", backup.toString());
        long acksDuring = load.acks() - acksAtStart;
        System.out.println("BackupUnderLoadTest: backup printed:\n" + run.output().strip());
        assertEquals(0, run.exit(), run.output());
        assertTrue(acksDuring > 0, "no append was acknowledged while the backup ran");
        backedUp = Tool.backedUpSize(run.output());
        assertTrue(
            backedUp >= promised.size(),
            () -> "backup of size " + backedUp + " misses some of " + promised.size() + " acks");
        awaitAcks(load, load.acks() + 500);
        System.out.printf(
            "BackupUnderLoadTest: %d acks before the backup, %d while it ran, backed-up size %d,"
                + " seed %d%n",
            promised.size(), acksDuring, backedUp, seed);
        server.kill();
        load.awaitEnd();
      } finally {
        channel.shutdownNow();
      }
    }
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.resolve("log.key"))));

    // Restore as README says: the log directory and the key, into a new data directory.
    Files.createDirectories(restored.resolve("log"));
    Files.copy(backup.resolve("log/data.mdb"), restored.resolve("log/data.mdb"));
    Files.copy(
        backup.resolve("log.key"), restored.resolve("log.key"), StandardCopyOption.COPY_ATTRIBUTES);
    AcknowledgedLog check = AcknowledgedLog.promising(TestLog.ORIGIN, key, promised);
    try (ServerProcess server = ServerProcess.start(restored, "--mode", "opaque")) {
      assertTrue(server.awaitStart().isEmpty(), server::output);
      ManagedChannel channel = channel(server.grpcPort());
      try {
        // Its storage check child walked the whole copy and the server forwarded the progress.
        String walked = "tlog-server: verifying storage: " + backedUp + " of " + backedUp;
        assertTrue(server.output().contains(walked + " entries (100%)"), server::output);
        long size = check.checkAfterRestart(stub(channel), "restored backup");
        assertEquals(backedUp, size, "restored size vs the size the backup printed");
        AppendLoad load = new AppendLoad(channel, check, "after", seed + 1);
        load.killAfterAcks(300, server::killNow);
        load.start();
        server.awaitExit(60);
        load.awaitEnd();
      } finally {
        channel.shutdownNow();
      }
    }
    try (ServerProcess server = ServerProcess.start(restored, "--mode", "opaque")) {
      assertTrue(server.awaitStart().isEmpty(), server::output);
      ManagedChannel channel = channel(server.grpcPort());
      try {
        long size = check.checkAfterRestart(stub(channel), "restored log after more appends");
        assertTrue(size >= backedUp + 300, () -> "appends after the restore were lost: " + size);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  private static LogServiceGrpc.LogServiceBlockingStub stub(ManagedChannel channel) {
    return LogServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
  }

  private static void awaitAcks(AppendLoad load, long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (load.acks() < n) {
      assertTrue(System.nanoTime() < deadline, () -> "only " + load.acks() + " of " + n + " acks");
      Thread.sleep(20);
    }
  }

  /** A {@code tlog-server} subcommand in its own JVM; stdout and stderr merged. */
  record Tool(int exit, String output) {
    static Tool run(String... args) throws IOException, InterruptedException {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "--add-opens",
                  "java.base/java.nio=ALL-UNNAMED",
                  "--add-opens",
                  "java.base/sun.nio.ch=ALL-UNNAMED",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.tlog.server.Main"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Tool(p.waitFor(), out);
    }

    /** The size from the backup's "backup verified: size N, root R" line. */
    static long backedUpSize(String output) {
      for (String line : output.split("\n")) {
        if (line.startsWith("backup verified: size ")) {
          String n = line.substring("backup verified: size ".length());
          return Long.parseLong(n.substring(0, n.indexOf(',')));
        }
      }
      throw new AssertionError("the backup printed no size:\n" + output);
    }
  }
}
