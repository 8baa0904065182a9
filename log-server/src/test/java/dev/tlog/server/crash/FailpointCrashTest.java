package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.testing.ServerProcess;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes at the exact instants a random SIGKILL hits only by chance: with the hidden {@code
 * --failpoint} flag the real server halts itself (no shutdown hook, nothing more written, as after
 * a SIGKILL) when its writer holds a signed batch that is not yet durable ({@code signed}), right
 * after the batch's commit and fsync before any append of it is acknowledged ({@code committed}),
 * and after the first of a batch's requests was acknowledged but not the rest ({@code
 * acknowledging}). Each stage twice, at a seeded batch count, under appends of all three kinds;
 * after each crash the restarted server keeps every promise ({@link AcknowledgedLog}): acknowledged
 * entries at their indexes with their bytes, root and chain head recomputed, every checkpoint seen
 * a prefix of the log, so no checkpoint signed for the lost batch was ever shown.
 */
class FailpointCrashTest {
  @TempDir Path dir;

  @Test
  void everyWritePathStageSurvivesACrash() throws Exception {
    long seed = Long.getLong("tlog.crash.seed", System.nanoTime());
    System.out.println("FailpointCrashTest seed " + seed + " (-Dtlog.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    AcknowledgedLog log = null;
    int crashes = 0;
    for (String stage : new String[] {"signed", "committed", "acknowledging"}) {
      for (int round = 0; round < 2; round++) {
        String failpoint = stage + ":" + (2 + random.nextInt(40));
        String context = "failpoint " + failpoint + " (seed " + seed + ")";
        ServerProcess server =
            ServerProcess.start(
                dir,
                "--mode",
                "opaque",
                "--storage-check-child",
                "false",
                "--failpoint",
                failpoint);
        ManagedChannel channel = null;
        try {
          Optional<Integer> exit = server.awaitStart();
          assertTrue(exit.isEmpty(), () -> context + ": exited " + exit + "\n" + server.output());
          if (log == null) {
            log = new AcknowledgedLog(TestLog.ORIGIN, VerifierKeys.parse(vkey(server.output())));
          }
          channel =
              NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
          log.checkAfterRestart(
              LogServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS),
              context + ", after the previous crash");
          AppendLoad load = new AppendLoad(channel, log, stage + round, random.nextLong());
          load.start();
          server.awaitExit(120);
          load.awaitEnd();
          assertEquals(137, server.exitCode(), context + "\n" + server.output());
          assertTrue(
              server.printed("failpoint " + failpoint + " reached", 10),
              context + ": the server died, but not at its failpoint:\n" + server.output());
          crashes++;
        } finally {
          server.close();
          if (channel != null) {
            channel.shutdownNow();
          }
        }
      }
    }
    try (ServerProcess server = ServerProcess.start(dir, "--mode", "opaque")) {
      assertTrue(server.awaitStart().isEmpty(), () -> "final restart failed:\n" + server.output());
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
      try {
        log.checkAfterRestart(
            LogServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS),
            "final restart (seed " + seed + ")");
      } finally {
        channel.shutdownNow();
      }
    }
    System.out.printf(
        "FailpointCrashTest: %d crashes at failpoints (signed, committed, acknowledging),"
            + " %d acknowledged entries, log size %d, seed %d%n",
        crashes, log.ackedCount(), log.verifiedSize(), seed);
  }

  private static String vkey(String output) {
    for (String line : output.split("\n")) {
      if (line.contains("verifier key:")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    throw new AssertionError("server printed no verifier key:\n" + output);
  }
}
