package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (issue 13): the real server in its own JVM, appends of all three kinds from several
 * threads, SIGKILL at a seeded random moment, restart on the same data directory, and every promise
 * checked after every restart ({@link AcknowledgedLog}). Half of the kills land a random number of
 * acks into the cycle, right after an ack arrived (the next batch is then being signed and
 * committed); the rest after a random sleep.
 *
 * <p>{@value #DEFAULT_CYCLES} cycles by default; the long mode is {@code -Dtlog.crash.cycles=1000}
 * (README, "Long crash mode"). {@code -Dtlog.crash.seed=N} replays a run.
 */
class CrashLoopTest {
  static final int DEFAULT_CYCLES = 50;

  @TempDir Path dir;

  @Test
  void opaqueLogKeepsEveryPromiseAcrossSigkills() throws Exception {
    int cycles = Integer.getInteger("tlog.crash.cycles", DEFAULT_CYCLES);
    long seed = Long.getLong("tlog.crash.seed", System.nanoTime());
    System.out.println("CrashLoopTest seed " + seed + " (-Dtlog.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    long began = System.nanoTime();
    AcknowledgedLog log = null;
    int afterAck = 0;
    for (int cycle = 0; cycle < cycles; cycle++) {
      String context = "cycle " + cycle + " (seed " + seed + ")";
      // Odd cycles start as deployed (storage walk in a child JVM), even ones verify in process:
      // both startup paths must accept every state a SIGKILL leaves.
      ServerProcess server =
          ServerProcess.start(
              dir, "--mode", "opaque", "--storage-check-child", cycle % 2 == 1 ? "true" : "false");
      ManagedChannel channel = null;
      try {
        Optional<Integer> exit = server.awaitStart();
        assertTrue(exit.isEmpty(), () -> context + ": server exited " + exit + ":\n" + out(server));
        if (log == null) {
          log = new AcknowledgedLog(TestLog.ORIGIN, VerifierKeys.parse(vkey(server.output())));
        }
        channel =
            NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        LogServiceGrpc.LogServiceBlockingStub stub = LogServiceGrpc.newBlockingStub(channel);
        log.checkAfterRestart(stub.withDeadlineAfter(120, TimeUnit.SECONDS), context);
        // Appends continue after the restart: one synchronous append before the load.
        stub.withDeadlineAfter(30, TimeUnit.SECONDS)
            .append(
                AppendRequest.newBuilder()
                    .setData(
                        com.google.protobuf.ByteString.copyFrom(
                            ("restart " + cycle).getBytes(StandardCharsets.UTF_8)))
                    .build());
        AppendLoad load = new AppendLoad(channel, log, "c" + cycle, random.nextLong());
        boolean byAck = random.nextBoolean();
        if (byAck) {
          afterAck++;
          load.killAfterAcks(1 + random.nextInt(400), server::killNow);
          load.start();
          server.awaitExit(60);
        } else {
          int sleep = 20 + random.nextInt(300);
          load.start();
          Thread.sleep(sleep);
          server.kill();
        }
        load.awaitEnd();
        if ((cycle + 1) % 50 == 0 && cycle + 1 < cycles) {
          System.out.printf(
              "CrashLoopTest: %d of %d cycles, %d acknowledged entries, %.1f s%n",
              cycle + 1, cycles, log.ackedCount(), (System.nanoTime() - began) / 1e9);
        }
      } finally {
        server.close();
        if (channel != null) {
          channel.shutdownNow();
        }
      }
    }
    // The last kill is checked by one more restart.
    try (ServerProcess server = ServerProcess.start(dir, "--mode", "opaque")) {
      assertTrue(server.awaitStart().isEmpty(), () -> "final restart failed:\n" + out(server));
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
        "CrashLoopTest: %d cycles, %d SIGKILLs (%d right after an ack, %d after a random sleep),"
            + " %d acknowledged entries, %d checkpoints seen, log size %d, seed %d, %.1f s%n",
        cycles,
        cycles,
        afterAck,
        cycles - afterAck,
        log.ackedCount(),
        log.checkpointsSeen(),
        log.verifiedSize(),
        seed,
        (System.nanoTime() - began) / 1e9);
  }

  private static String out(ServerProcess server) {
    return server.output();
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
