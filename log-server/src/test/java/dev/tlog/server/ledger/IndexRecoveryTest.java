package dev.tlog.server.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.ledger.query.EventFilter;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.SummarizeRequest;
import dev.tlog.runtime.logging.LogCapture;
import dev.tlog.server.Main;
import dev.tlog.server.errors.DataDirInUseException;
import dev.tlog.server.ledger.index.LedgerIndex;
import dev.tlog.server.testing.TestLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The index is derived state: deleted, rolled back (a crash before its last commit), corrupted,
 * taken from another log or ahead of the log, it is caught up or rebuilt on start and answers as
 * before; {@code tlog-server reindex} rebuilds it offline to the same answers and refuses while the
 * server runs.
 */
class IndexRecoveryTest {
  @TempDir Path dir;
  @TempDir Path other;
  private LogCapture capture;

  @BeforeEach
  void listen() {
    capture = LogCapture.open();
  }

  @AfterEach
  void stopListening() {
    capture.close();
  }

  /** What the ledger index logged so far. */
  private List<String> logged() {
    return capture.events().stream()
        .filter(e -> LedgerIndex.class.getName().equals(e.getLoggerName()))
        .map(e -> e.getFormattedMessage())
        .toList();
  }

  /** Appends random batches; returns the log's size. */
  private static long append(TestLog log, Random r, int batches) {
    for (int b = 0; b < batches; b++) {
      List<dev.tlog.merkle.ledger.Event> events = new ArrayList<>();
      for (int n = 1 + r.nextInt(20); n > 0; n--) {
        events.add(LedgerEvents.random(r, Instant.now()));
      }
      LedgerClient.append(log.blocking, events);
    }
    return log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
  }

  /** What a fixed set of filters answers, once the index covers {@code size}. */
  private static List<String> answers(TestLog log, long size, long seed) throws Exception {
    var ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (ledger.query(QueryRequest.newBuilder().setPageSize(1).build()).getCoveredSize() < size) {
      assertTrue(System.nanoTime() < deadline, "index did not catch up with " + size);
      Thread.sleep(20);
    }
    NaiveLedger naive = NaiveLedger.scan(log.blocking, ledger, size);
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      EventFilter f = k == 0 ? EventFilter.ALL : naive.randomFilter(r);
      List<Long> got =
          LedgerClient.queryAll(ledger, f, 50).stream().map(LedgerEvent::getIndex).toList();
      assertEquals(naive.matching(f, size), got, f::toString);
      var summary =
          ledger.summarize(
              SummarizeRequest.newBuilder().setFilter(LedgerClient.toProto(f)).build());
      out.add(got + " " + summary.getTotal() + " " + summary.getByActionMap());
    }
    return out;
  }

  private List<String> restartAndAnswer(long size, String reason) throws Exception {
    // A fresh capture: only what this start logs.
    capture.close();
    capture = LogCapture.open();
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      List<String> a = answers(log, size, 99);
      if (reason != null) {
        List<String> logged = logged();
        assertTrue(
            logged.stream().anyMatch(m -> m.contains(reason) && m.contains("rebuilding")),
            "log should say why the index is rebuilt (" + reason + "): " + logged);
      }
      return a;
    }
  }

  @Test
  void aDeletedIndexIsRebuilt() throws Exception {
    long size;
    List<String> before;
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      size = append(log, new Random(1), 8);
      before = answers(log, size, 99);
    }
    delete(dir.resolve("index"));
    assertEquals(before, restartAndAnswer(size, "there is none"));
  }

  @Test
  void anIndexRolledBackByACrashCatchesUp() throws Exception {
    long size;
    List<String> before;
    Random r = new Random(2);
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      append(log, r, 4);
    }
    copy(dir.resolve("index"), other.resolve("index"));
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      size = append(log, r, 6);
      before = answers(log, size, 99);
    }
    delete(dir.resolve("index"));
    copy(other.resolve("index"), dir.resolve("index"));
    assertEquals(before, restartAndAnswer(size, null));
  }

  @Test
  void aCorruptIndexIsRebuilt() throws Exception {
    long size;
    List<String> before;
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      size = append(log, new Random(3), 5);
      before = answers(log, size, 99);
    }
    try (Stream<Path> files = Files.list(dir.resolve("index"))) {
      for (Path p : files.toList()) {
        Files.write(p, new byte[] {1, 2, 3});
      }
    }
    assertEquals(before, restartAndAnswer(size, "unreadable"));
  }

  @Test
  void anIndexOfAnotherLogIsRebuilt() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(other))) {
      append(log, new Random(4), 5);
    }
    long size;
    List<String> before;
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      size = append(log, new Random(5), 5);
      before = answers(log, size, 99);
    }
    delete(dir.resolve("index"));
    copy(other.resolve("index"), dir.resolve("index"));
    assertEquals(before, restartAndAnswer(size, "another log"));
  }

  @Test
  void anIndexAheadOfTheLogIsRebuilt() throws Exception {
    long size;
    List<String> before;
    Random r = new Random(6);
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      size = append(log, r, 3);
      before = answers(log, size, 99);
    }
    copy(dir.resolve("log"), other.resolve("log"));
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      append(log, r, 3);
    }
    delete(dir.resolve("log"));
    copy(other.resolve("log"), dir.resolve("log"));
    assertEquals(before, restartAndAnswer(size, "but the log holds"));
  }

  @Test
  void reindexRebuildsToTheSameAnswersAndRefusesWhileTheServerRuns() throws Exception {
    long size;
    List<String> before;
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      size = append(log, new Random(7), 6);
      before = answers(log, size, 99);
      StringWriter err = new StringWriter();
      int code = reindex(new StringWriter(), err);
      assertEquals(3, code, err.toString());
      assertTrue(err.toString().contains("is in use"), err.toString());
      assertThrows(
          DataDirInUseException.class, () -> TestLog.start(TestLog.ledgerConfig(dir)).close());
    }
    StringWriter out = new StringWriter();
    assertEquals(0, reindex(out, new StringWriter()), out.toString());
    assertTrue(out.toString().contains(size + " / " + size + " entries (100%)"), out.toString());
    assertTrue(out.toString().contains("done: " + size + " entries indexed"), out.toString());
    assertEquals(before, restartAndAnswer(size, null));
  }

  private int reindex(StringWriter out, StringWriter err) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("reindex", "--data-dir", dir.toString());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("write.lock")) {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
