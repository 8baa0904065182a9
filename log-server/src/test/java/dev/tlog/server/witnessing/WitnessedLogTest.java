package dev.tlog.server.witnessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Ed25519NoteVerifier;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.VerifiedNote;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.proto.v1.WatchCheckpointsRequest;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.TestLog;
import dev.tlog.witness.WitnessServer;
import dev.tlog.witness.WitnessSettings;
import dev.tlog.witness.config.LogConfig;
import dev.tlog.witness.config.WitnessConfig;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real log server submitting to the real witness on loopback. */
class WitnessedLogTest {
  @TempDir Path dir;

  private Ed25519NoteSigner logKey() throws Exception {
    Ed25519NoteSigner key = Ed25519NoteSigner.generate(TestLog.ORIGIN, new SecureRandom());
    Files.createDirectories(dir.resolve("log"));
    Path file = dir.resolve("log").resolve("log.key");
    Files.writeString(file, key.privateKey() + "\n");
    // The server refuses a key others may read.
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return key;
  }

  private WitnessServer startWitness(Ed25519NoteSigner logKey, int port) {
    Ed25519NoteVerifier v = (Ed25519NoteVerifier) VerifierKeys.parse(logKey.verifierKey());
    WitnessConfig config =
        new WitnessConfig(
            Map.of(TestLog.ORIGIN, new LogConfig(TestLog.ORIGIN, List.of(v), Optional.empty())),
            List.of());
    return WitnessServer.start(
        WitnessSettings.defaults(
            dir.resolve("witness"),
            config,
            "witness.test/w1",
            "127.0.0.1",
            port,
            Duration.ZERO,
            Clock.systemUTC()));
  }

  private static TestLog startLog(Path logDir, String witnessVkey, int witnessPort)
      throws Exception {
    Witness w = Witness.parse(witnessVkey + " http://127.0.0.1:" + witnessPort);
    return TestLog.start(
        TestLog.config(
            logDir,
            new SequencerLimits(64, Duration.ofMillis(1), 10_000),
            new WitnessPolicy(List.of(w), 1)));
  }

  /** Opens a published note: log signature and witness cosignature must both verify. */
  private static Checkpoint openCosigned(
      String note, Ed25519NoteSigner logKey, String witnessVkey) {
    CosignatureVerifier cv = (CosignatureVerifier) VerifierKeys.parse(witnessVkey);
    VerifiedNote v =
        Notes.open(
            note.getBytes(StandardCharsets.UTF_8),
            List.of(VerifierKeys.parse(logKey.verifierKey()), cv));
    assertEquals(2, v.verified().size(), "log signature and cosignature on\n" + note);
    NoteSignature cosig =
        v.verified().stream().filter(s -> s.keyHash() == cv.keyHash()).findFirst().orElseThrow();
    cv.check(v.text(), cosig);
    return Checkpoint.parse(v.text());
  }

  private static void append(TestLog log, int from, int count) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    for (int i = from; i < from + count; i++) {
      b.addEntries(ByteString.copyFromUtf8("witnessed " + i));
    }
    log.blocking.appendBatch(b.build());
  }

  private static GetCheckpointResponse awaitPublished(TestLog log, long size)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      GetCheckpointResponse r =
          log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance());
      if (r.getSize() >= size || System.nanoTime() > deadline) {
        return r;
      }
      Thread.sleep(20);
    }
  }

  /** The first witness error the log records, i.e. a round that ran and failed; 30 s at most. */
  private static String awaitWitnessError(Witnessing witnessing) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String error = witnessing.status().get(0).lastError();
    while (error.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      error = witnessing.status().get(0).lastError();
    }
    return error;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void everyPublishedCheckpointIsCosignedAndOutagesOnlyDelayPublication() throws Exception {
    Ed25519NoteSigner logKey = logKey();
    int witnessPort = freePort();
    WitnessServer witness = startWitness(logKey, witnessPort);
    String witnessVkey = witness.verifierKey();
    List<String> watched = new CopyOnWriteArrayList<>();
    try (TestLog log = startLog(dir.resolve("log"), witnessVkey, witnessPort)) {
      Context.CancellableContext watch = Context.current().withCancellation();
      watch.run(
          () ->
              log.async.watchCheckpoints(
                  WatchCheckpointsRequest.getDefaultInstance(),
                  new StreamObserver<>() {
                    @Override
                    public void onNext(GetCheckpointResponse r) {
                      watched.add(r.getCheckpoint());
                    }

                    @Override
                    public void onError(Throwable t) {}

                    @Override
                    public void onCompleted() {}
                  }));
      for (int i = 0; i < 20; i++) {
        append(log, i * 10, 10);
      }
      GetCheckpointResponse published = awaitPublished(log, 200);
      assertEquals(200, published.getSize());
      assertEquals(200, openCosigned(published.getCheckpoint(), logKey, witnessVkey).size());
      assertEquals(
          published.getCheckpoint(),
          new String(log.get("/checkpoint").body(), StandardCharsets.UTF_8));
      // Every published checkpoint a watcher saw after the first (the log's startup checkpoint,
      // published before any witness answered) carries a valid cosignature.
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while ((watched.isEmpty() || !watched.get(watched.size() - 1).contains("\n200\n"))
          && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertTrue(watched.size() >= 2, "watched " + watched.size());
      assertTrue(watched.get(watched.size() - 1).contains("\n200\n"), "the watcher saw size 200");
      long prev = -1;
      for (String note : watched.subList(1, watched.size())) {
        long size = openCosigned(note, logKey, witnessVkey).size();
        assertTrue(size > prev, "published sizes increase");
        prev = size;
      }

      // Live witness outage on a fixed port: appends still succeed; publication lags (a round
      // ran and failed, so the lag is not just "no round yet"), then catches up when the witness
      // is back on the same address, without restarting the log.
      Witnessing witnessing = log.server.witnessing().orElseThrow();
      witness.close();
      append(log, 200, 10);
      assertEquals(210, log.server.signedCheckpoints().latest().orElseThrow().size());
      String error = awaitWitnessError(witnessing);
      assertFalse(error.isEmpty(), "a round against the stopped witness failed");
      assertEquals(
          200, log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize());
      assertEquals(10, witnessing.lag());
      witness = startWitness(logKey, witnessPort);
      assertEquals(witnessVkey, witness.verifierKey(), "the witness keeps its key across restarts");
      GetCheckpointResponse caughtUp = awaitPublished(log, 210);
      assertEquals(210, openCosigned(caughtUp.getCheckpoint(), logKey, witnessVkey).size());
      assertEquals(0, witnessing.lag());
      assertEquals("", witnessing.status().get(0).lastError());
      watch.cancel(null);
    }
    try (TestLog log = startLog(dir.resolve("log"), witnessVkey, witnessPort)) {
      assertEquals(
          210,
          log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize(),
          "cosigned checkpoint survives a restart");
    } finally {
      witness.close();
    }
  }
}
