package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.QueryResponse;
import dev.tlog.server.testing.ServerProcess;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
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
 * <p>{@value #DEFAULT_CYCLES} cycles by default ({@value #DEFAULT_LEDGER_CYCLES} in ledger mode);
 * the long mode is {@code -Dtlog.crash.cycles=1000} (README, "Long crash mode"). {@code
 * -Dtlog.crash.seed=N} replays a run.
 */
class CrashLoopTest {
  static final int DEFAULT_CYCLES = 50;

  /** Ledger-mode cycles by default: each restart also waits for and checks the ledger index. */
  static final int DEFAULT_LEDGER_CYCLES = 15;

  @TempDir Path dir;

  /** What else is checked after each restart, once the log itself checked out at {@code size}. */
  private interface AfterRestart {
    void check(ManagedChannel channel, AcknowledgedLog log, long size, String context)
        throws InterruptedException;
  }

  @Test
  void opaqueLogKeepsEveryPromiseAcrossSigkills() throws Exception {
    crashLoop(
        "CrashLoopTest",
        "opaque",
        Integer.getInteger("tlog.crash.cycles", DEFAULT_CYCLES),
        (channel, log, size, context) -> {});
  }

  /**
   * Issue 13 in ledger mode: the load appends event submissions (the log commits entries, clock
   * marks between them), and after each restart the ledger index, caught up, returns exactly the
   * log's events to a query for everything.
   */
  @Test
  void ledgerLogKeepsEveryPromiseAndItsIndexAcrossSigkills() throws Exception {
    crashLoop(
        "CrashLoopTest (ledger)",
        "ledger",
        Integer.getInteger("tlog.crash.cycles", DEFAULT_LEDGER_CYCLES),
        CrashLoopTest::checkLedgerIndex);
  }

  private void crashLoop(String name, String mode, int cycles, AfterRestart after)
      throws Exception {
    boolean ledger = mode.equals("ledger");
    long seed = Long.getLong("tlog.crash.seed", System.nanoTime());
    System.out.println(name + " seed " + seed + " (-Dtlog.crash.seed=" + seed + ")");
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
              dir, "--mode", mode, "--storage-check-child", cycle % 2 == 1 ? "true" : "false");
      ManagedChannel channel = null;
      try {
        Optional<Integer> exit = server.awaitStart();
        assertTrue(exit.isEmpty(), () -> context + ": server exited " + exit + ":\n" + out(server));
        if (log == null) {
          log = new AcknowledgedLog(TestLog.ORIGIN, VerifierKeys.parse(server.verifierKey()));
        }
        channel =
            NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        LogServiceGrpc.LogServiceBlockingStub stub = LogServiceGrpc.newBlockingStub(channel);
        long size = log.checkAfterRestart(stub.withDeadlineAfter(120, TimeUnit.SECONDS), context);
        after.check(channel, log, size, context);
        // Appends continue after the restart: one synchronous append before the load.
        stub.withDeadlineAfter(30, TimeUnit.SECONDS)
            .append(
                AppendRequest.newBuilder()
                    .setData(ByteString.copyFrom(restartEntry(ledger, cycle)))
                    .build());
        AppendLoad load = new AppendLoad(channel, log, "c" + cycle, random.nextLong(), ledger);
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
              "%s: %d of %d cycles, %d acknowledged entries, %.1f s%n",
              name, cycle + 1, cycles, log.ackedCount(), (System.nanoTime() - began) / 1e9);
        }
      } finally {
        server.close();
        if (channel != null) {
          channel.shutdownNow();
        }
      }
    }
    // The last kill is checked by one more restart.
    try (ServerProcess server = ServerProcess.start(dir, "--mode", mode)) {
      assertTrue(server.awaitStart().isEmpty(), () -> "final restart failed:\n" + out(server));
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
      try {
        String context = "final restart (seed " + seed + ")";
        long size =
            log.checkAfterRestart(
                LogServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS),
                context);
        after.check(channel, log, size, context);
      } finally {
        channel.shutdownNow();
      }
    }
    System.out.printf(
        "%s: %d cycles, %d SIGKILLs (%d right after an ack, %d after a random sleep),"
            + " %d acknowledged entries, %d checkpoints seen, log size %d, seed %d, %.1f s%n",
        name,
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

  /** The synchronous append after a restart: an event submission in a ledger log. */
  private static byte[] restartEntry(boolean ledger, int cycle) {
    if (!ledger) {
      return ("restart " + cycle).getBytes(StandardCharsets.UTF_8);
    }
    byte[] salt = new byte[Hash.SIZE];
    new Random(cycle).nextBytes(salt);
    return EventCodec.submission(
        Event.builder()
            .time(Instant.now())
            .actor("system:crash-loop")
            .action("process.start")
            .severity(Severity.NOTICE)
            .payload("{\"process\":\"tlog-server\",\"cycle\":" + cycle + "}")
            .salt(Hash.of(salt))
            .build());
  }

  /**
   * Waits (up to 60 s) for the ledger index to cover {@code size} entries, then checks that a query
   * for everything returns exactly the events of the log (every entry but the clock marks).
   */
  private static void checkLedgerIndex(
      ManagedChannel channel, AcknowledgedLog log, long size, String context)
      throws InterruptedException {
    LedgerServiceGrpc.LedgerServiceBlockingStub ledger = LedgerServiceGrpc.newBlockingStub(channel);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      BitSet hits = new BitSet();
      long covered = size;
      long start = 0;
      while (covered == size) {
        QueryResponse page =
            ledger
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .query(QueryRequest.newBuilder().setStartIndex(start).setPageSize(1000).build());
        covered = page.getCoveredSize();
        page.getEventsList().forEach(e -> hits.set(Math.toIntExact(e.getIndex())));
        if (!page.getMore()) {
          break;
        }
        start = page.getNextIndex();
      }
      if (covered == size) {
        BitSet events = log.eventIndexes();
        BitSet differ = (BitSet) events.clone();
        differ.xor(hits);
        assertTrue(
            differ.isEmpty(),
            () ->
                context
                    + ": the ledger index returns "
                    + hits.cardinality()
                    + " events, the log holds "
                    + events.cardinality()
                    + "; first difference at index "
                    + differ.nextSetBit(0));
        return;
      }
      long c = covered;
      assertTrue(
          System.nanoTime() < deadline,
          () -> context + ": the ledger index covers " + c + " of " + size + " entries after 60 s");
      Thread.sleep(100);
    }
  }

  private static String out(ServerProcess server) {
    return server.output();
  }
}
