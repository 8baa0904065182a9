package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.testing.ServerProcess;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flips random bytes (seeded, printed) in a real {@code data.mdb} and starts the real server on it,
 * {@value #TRIALS} times. LMDB has no page checksums, so a flip can crash the native reader: every
 * trial must end with the server either serving exactly the log that was written or refusing with
 * exit code 4 and a message that says the storage is corrupt and to restore a backup — never dying
 * without that message (spec/api.md, "Startup and shutdown"). The verdict for a real SIGSEGV is
 * pinned by {@code StorageCheckProcessTest}, whose child really dies of one.
 */
class CorruptPageTest {
  private static final int TRIALS = Integer.getInteger("tlog.corrupt.trials", 20);

  @TempDir Path dir;

  @Test
  void damagedStorageIsRefusedWithAMessageOrServedIntact() throws Exception {
    Path original = dir.resolve("original");
    GetCheckpointResponse written;
    try (TestLog log = TestLog.start(original)) {
      for (int b = 0; b < 20; b++) {
        AppendBatchRequest.Builder req = AppendBatchRequest.newBuilder();
        for (int i = 0; i < 50; i++) {
          req.addEntries(ByteString.copyFromUtf8("entry " + b + "." + i + " " + "x".repeat(b)));
        }
        log.blocking.appendBatch(req.build());
      }
      written = log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance());
    }
    long seed = Long.getLong("tlog.corrupt.seed", System.nanoTime());
    System.out.println("CorruptPageTest seed " + seed + " (-Dtlog.corrupt.seed=" + seed + ")");
    Random random = new Random(seed);
    int started = 0;
    int refused = 0;
    int crashed = 0;
    for (int t = 0; t < TRIALS; t++) {
      Path trial = dir.resolve("trial-" + t);
      copy(original, trial);
      Path mdb = trial.resolve("log").resolve("data.mdb");
      StringBuilder flips = new StringBuilder();
      try (RandomAccessFile f = new RandomAccessFile(mdb.toFile(), "rw")) {
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
          long at = (long) (random.nextDouble() * f.length());
          f.seek(at);
          int old = f.read();
          int now = old ^ (1 + random.nextInt(255));
          f.seek(at);
          f.write(now);
          flips.append(String.format(" %d:%02x->%02x", at, old, now));
        }
      }
      String what = "trial " + t + " (seed " + seed + ", flips" + flips + ")";
      try (ServerProcess server = ServerProcess.start(trial)) {
        Optional<Integer> exit = server.awaitStart();
        if (exit.isEmpty()) {
          started++;
          assertServes(server, written, what);
        } else {
          String out = server.output();
          assertEquals(4, exit.get(), what + ": exit code; output:\n" + out);
          assertTrue(
              out.contains("tlog-server: storage in " + trial + " is corrupt (")
                  && out.contains("restore from a backup, see README"),
              what + ": no clear refusal in:\n" + out);
          refused++;
          if (out.contains("crashed with")) {
            crashed++;
          }
        }
      }
    }
    System.out.printf(
        "CorruptPageTest: %d trials, %d started intact, %d refused (%d of them after the check"
            + " crashed), seed %d%n",
        TRIALS, started, refused, crashed, seed);
  }

  private static void assertServes(ServerProcess server, GetCheckpointResponse want, String what)
      throws InterruptedException {
    ManagedChannel ch =
        NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    try {
      GetCheckpointResponse got =
          LogServiceGrpc.newBlockingStub(ch)
              .getCheckpoint(GetCheckpointRequest.getDefaultInstance());
      assertEquals(want.getSize(), got.getSize(), what + ": size");
      // Origin, size and root: the first three lines of the checkpoint note.
      assertEquals(body(want.getCheckpoint()), body(got.getCheckpoint()), what + ": checkpoint");
    } finally {
      ch.shutdownNow();
    }
  }

  private static String body(String note) {
    String[] lines = note.split("\n");
    return lines[0] + "\n" + lines[1] + "\n" + lines[2];
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("tlog.lock")) {
          Files.copy(p, target);
        }
      }
    }
  }
}
