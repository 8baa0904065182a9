package dev.tlog.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.client.audit.AuditProgress;
import dev.tlog.client.audit.AuditState;
import dev.tlog.client.audit.LogAuditor;
import dev.tlog.client.state.CheckpointStore;
import dev.tlog.client.state.StateFileException;
import dev.tlog.client.testing.LogServerProcess;
import dev.tlog.client.transport.GrpcLogSource;
import dev.tlog.client.transport.TileFetcher;
import dev.tlog.client.transport.TileLogSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The library API against a real server: appender, reader over gRPC and tiles, state, audit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryTest {
  @TempDir static Path tmp;
  private LogServerProcess server;
  private GrpcLogSource grpc;
  private VerifyingReader reader;
  private CheckpointTracker tracker;
  private LogAppender appender;

  @BeforeAll
  void start() throws Exception {
    server = LogServerProcess.start(tmp.resolve("data"), null);
    grpc = GrpcLogSource.connect(server.grpc(), RetryPolicy.defaults());
    reader =
        new VerifyingReader(
            grpc, new CheckpointVerifier(LogIdentity.of(server.vkey(), null, List.of())));
    tracker = new CheckpointTracker(reader, null);
    appender = new LogAppender(grpc.writer(), reader, tracker);
    // Over 256 entries, so tiles and bundles are full and partial.
    List<byte[]> batch = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      batch.add(("lib " + i).getBytes(StandardCharsets.UTF_8));
    }
    appender.appendBatch(batch);
  }

  @AfterAll
  void stop() {
    grpc.close();
    server.close();
  }

  @Test
  void appendReturnsVerifiedReceiptsAndIsIdempotent() {
    AppendReceipt r = appender.append("once".getBytes(StandardCharsets.UTF_8));
    AppendReceipt again = appender.append("once".getBytes(StandardCharsets.UTF_8));
    assertEquals(r.index(), again.index());
    assertTrue(again.duplicate());
    assertTrue(r.index() < r.checkpoint().size());
    assertTrue(tracker.last().orElseThrow().size() >= r.checkpoint().size());
  }

  @Test
  void streamingAppenderAppliesBackPressureAndVerifiesInOrder() {
    List<CompletableFuture<AppendReceipt>> fs = new ArrayList<>();
    try (StreamingAppender s = appender.openStream(4)) {
      for (int i = 0; i < 40; i++) {
        fs.add(s.submit(("stream " + i).getBytes(StandardCharsets.UTF_8)));
      }
    }
    long prev = -1;
    for (CompletableFuture<AppendReceipt> f : fs) {
      long index = f.join().index();
      assertTrue(index > prev);
      prev = index;
    }
  }

  @Test
  void tilesAndGrpcAgreeOnProofsAndEntries() {
    TileLogSource tiles = new TileLogSource(new TileFetcher(server.http(), RetryPolicy.defaults()));
    VerifyingReader overTiles = new VerifyingReader(tiles, reader.verifier());
    VerifiedCheckpoint cp = overTiles.checkpoint();
    for (long i : new long[] {0, 255, 256, 300, cp.size() - 1}) {
      VerifiedEntry viaTiles = overTiles.entry(i, cp);
      VerifiedEntry viaGrpc = reader.entry(i, cp);
      assertEquals(viaGrpc.leafHash(), viaTiles.leafHash());
      assertEquals(viaGrpc.proof(), viaTiles.proof());
    }
    assertEquals(
        reader.consistency(257, cp.size(), cp).proof(),
        overTiles.consistency(257, cp.size(), cp).proof());
    var audit =
        new LogAuditor(tiles)
            .audit(cp, AuditState.initial(cp.origin()), AuditProgress.NONE, s -> {});
    assertEquals(cp.root(), audit.computedRoot());
  }

  @Test
  void auditResumesFromSavedState() {
    VerifiedCheckpoint cp = reader.checkpoint();
    Path file = tmp.resolve("audit.json");
    // Tiles pages are entry bundles of 256 entries, so the first saved state is partial.
    TileLogSource tiles = new TileLogSource(new TileFetcher(server.http(), RetryPolicy.defaults()));
    List<AuditState> saved = new ArrayList<>();
    new LogAuditor(tiles)
        .audit(cp, AuditState.initial(cp.origin()), AuditProgress.NONE, saved::add);
    AuditState partial = saved.get(0);
    assertTrue(partial.next() < cp.size(), "first page is partial");
    partial.save(file);
    AuditState loaded = AuditState.load(file, cp.origin()).orElseThrow();
    assertEquals(partial, loaded);
    var r = new LogAuditor(grpc).audit(cp, loaded, AuditProgress.NONE, s -> {});
    assertEquals(partial.next(), r.resumedFrom());
  }

  @Test
  void stateFileSurvivesRunsAndRejectsTampering() throws Exception {
    Path file = tmp.resolve("state").resolve("cp");
    CheckpointStore store = new CheckpointStore(file);
    CheckpointTracker t = new CheckpointTracker(reader, store);
    VerifiedCheckpoint cp = reader.checkpoint();
    t.observeLatest(cp);
    assertEquals(cp.size(), new CheckpointTracker(reader, store).last().orElseThrow().size());
    String note = Files.readString(file);
    Files.writeString(
        file, note.replaceFirst("\n" + cp.size() + "\n", "\n" + (cp.size() + 1) + "\n"));
    assertThrows(StateFileException.class, () -> new CheckpointTracker(reader, store));
    try (var dir = Files.list(file.getParent())) {
      assertFalse(dir.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void retriesAreBoundedThenUnavailable() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20));
    try (GrpcLogSource dead = GrpcLogSource.connect("127.0.0.1:1", policy)) {
      LogUnavailableException e =
          assertThrows(LogUnavailableException.class, dead::latestCheckpoint);
      assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    }
  }
}
