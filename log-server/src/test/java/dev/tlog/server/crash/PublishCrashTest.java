package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileHashReader;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.testing.S3Bucket;
import dev.tlog.server.testing.ServerProcess;
import dev.tlog.server.testing.TestLog;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing to object storage across SIGKILLs: the real server in its own JVM publishes to a real
 * S3-compatible server (S3Proxy in this JVM) while appends of all three kinds run, is killed at a
 * seeded random moment, and restarts. After the last restart the bucket catches up and serves, byte
 * for byte, what the log serves; every checkpoint the bucket held along the way was one the log had
 * signed (the {@link AcknowledgedLog} prefix check).
 */
class PublishCrashTest {
  private static final int CYCLES = 4;

  @TempDir Path dir;

  @Test
  void theBucketEndsCompleteAfterKills() throws Exception {
    long seed = Long.getLong("tlog.crash.seed", System.nanoTime());
    System.out.println("PublishCrashTest seed " + seed + " (-Dtlog.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    Path data = dir.resolve("data");
    try (S3Bucket bucket = S3Bucket.start(dir.resolve("s3"))) {
      Map<String, String> env =
          Map.of(
              "AWS_ACCESS_KEY_ID",
              S3Bucket.ACCESS_KEY,
              "AWS_SECRET_ACCESS_KEY",
              S3Bucket.SECRET_KEY);
      String[] flags = {
        "--mode",
        "opaque",
        "--storage-check-child",
        "false",
        "--s3-bucket",
        S3Bucket.BUCKET,
        "--s3-endpoint",
        bucket.endpoint(),
        "--s3-prefix",
        "log/"
      };
      AcknowledgedLog log = null;
      for (int cycle = 0; cycle <= CYCLES; cycle++) {
        String context = "cycle " + cycle + " (seed " + seed + ")";
        ServerProcess server = ServerProcess.start(data, env, flags);
        ManagedChannel channel = null;
        try {
          Optional<Integer> exit = server.awaitStart();
          assertTrue(exit.isEmpty(), () -> context + ": exited " + exit + "\n" + server.output());
          if (log == null) {
            log = new AcknowledgedLog(TestLog.ORIGIN, VerifierKeys.parse(server.verifierKey()));
          }
          channel =
              NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
          LogServiceGrpc.LogServiceBlockingStub stub =
              LogServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
          long size = log.checkAfterRestart(stub, context);
          observeBucket(bucket, log);
          if (cycle == CYCLES) {
            awaitBucketSize(bucket, log, size);
            bucket.assertServesWhatTheLogServes(
                "http://127.0.0.1:" + server.httpPort(), size, "log/");
            System.out.printf(
                "PublishCrashTest: %d SIGKILLs while publishing, %d acknowledged entries, bucket"
                    + " complete at size %d, seed %d%n",
                CYCLES, log.ackedCount(), size, seed);
            return;
          }
          AppendLoad load = new AppendLoad(channel, log, "p" + cycle, random.nextLong());
          load.start();
          Thread.sleep(200 + random.nextInt(800));
          observeBucket(bucket, log);
          server.kill();
          load.awaitEnd();
          // Right after the kill, with uploads cut off mid-round: whatever checkpoint the bucket
          // holds, every object a reader needs for it is already there.
          Optional<Checkpoint> left = observeBucket(bucket, log);
          if (left.isPresent()) {
            assertSelfContained(bucket, left.get(), context);
          }
        } finally {
          server.close();
          if (channel != null) {
            channel.shutdownNow();
          }
        }
      }
    }
  }

  /** The bucket's checkpoint, when it has one, must be a checkpoint the log signed. */
  private static Optional<Checkpoint> observeBucket(S3Bucket bucket, AcknowledgedLog log)
      throws Exception {
    HttpResponse<byte[]> r = bucket.get("log/checkpoint");
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    assertTrue(r.statusCode() == 200, "bucket checkpoint: HTTP " + r.statusCode());
    return Optional.of(log.observed(new String(r.body(), StandardCharsets.UTF_8)));
  }

  /**
   * The bucket alone proves its checkpoint: the root computed from its hash tiles is the
   * checkpoint's, and every entry bundle of the tree is there.
   */
  private static void assertSelfContained(S3Bucket bucket, Checkpoint cp, String context)
      throws Exception {
    TileHashReader tiles =
        new TileHashReader(
            tile -> {
              try {
                HttpResponse<byte[]> r = bucket.get("log/" + TilePaths.format(tile));
                assertEquals(200, r.statusCode(), () -> context + ": missing " + tile.path());
                return r.body();
              } catch (Exception e) {
                throw new AssertionError(context + ": " + tile.path() + ": " + e, e);
              }
            },
            cp.size());
    assertEquals(
        cp.root(), Proofs.treeRoot(cp.size(), tiles), context + ": root from the bucket's tiles");
    for (EntryBundleId b : TileMath.newEntryBundles(0, cp.size())) {
      assertEquals(
          200,
          bucket.get("log/" + TilePaths.format(b)).statusCode(),
          context + ": missing " + b.path());
    }
  }

  private static void awaitBucketSize(S3Bucket bucket, AcknowledgedLog log, long size)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Optional<Checkpoint> cp = observeBucket(bucket, log);
      if (cp.isPresent() && cp.get().size() >= size) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "bucket did not reach size " + size);
      Thread.sleep(50);
    }
  }
}
