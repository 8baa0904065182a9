package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.server.LogServer;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import dev.tlog.server.testing.TestLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger-mode log through its real gRPC API: what it commits, stores, marks and refuses. */
class LedgerAppendTest {
  @TempDir Path dir;

  private static Event event(String tool) {
    return Event.builder()
        .time(Instant.now())
        .actor("agent:planner")
        .action("agent.tool_call")
        .severity(Severity.NOTICE)
        .payload("{\"tool\":\"" + tool + "\",\"duration_ms\":3}")
        .meta("host", "db-1")
        .build();
  }

  private static AppendRequest submit(Event e) {
    return AppendRequest.newBuilder()
        .setData(ByteString.copyFrom(EventCodec.submission(e)))
        .build();
  }

  private static AppendRequest raw(String json) {
    return AppendRequest.newBuilder()
        .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8))
        .build();
  }

  private static List<Entry> entries(TestLog log) {
    long size = log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
    List<Entry> out = new ArrayList<>();
    Iterator<Entry> it =
        log.blocking.getEntries(GetEntriesRequest.newBuilder().setStart(0).setEnd(size).build());
    it.forEachRemaining(out::add);
    return out;
  }

  private static long size(TestLog log) {
    return log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
  }

  @Test
  void commitsTheEntryStoresThePayloadRecordAndMarksTheClock() throws Exception {
    Event e = event("shell");
    long index;
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      assertEquals(LogMode.LEDGER, log.server.mode());
      AppendResponse r = log.blocking.append(submit(e));
      index = r.getIndex();
      assertEquals(1, index, "a new log starts with a clock mark");
      assertEquals(TreeHasher.leafHash(EventCodec.entry(e)).toHex(), hex(r.getLeafHash()));
      List<Entry> all = entries(log);
      assertArrayEquals(EventCodec.entry(e), all.get(1).getData().toByteArray());
      LedgerEntry.ClockMark mark =
          assertInstanceOf(
              LedgerEntry.ClockMark.class,
              EventCodec.parseEntry(all.get(0).getData().toByteArray()));
      long skew = Math.abs(mark.nanos() - e.timeNanos());
      assertTrue(skew < Duration.ofMinutes(1).toNanos(), "mark time is the log's clock");

      AppendResponse again = log.blocking.append(submit(e));
      assertTrue(again.getDuplicate(), "a retried submission is the same event");
      assertEquals(index, again.getIndex());
    }
    try (LmdbLogStorage s =
            LmdbLogStorage.open(dir.resolve("log"), TestLog.ORIGIN, LogMode.LEDGER, 1 << 20);
        LogReader r = s.reader()) {
      assertArrayEquals(EventCodec.payloadRecord(e), r.payloadRecord(index).orElseThrow());
      assertTrue(r.payloadRecord(0).isEmpty(), "clock marks have no payload record");
    }
  }

  @Test
  void marksIncreaseAcrossBatchesAndRestarts() throws Exception {
    ServerConfig config = TestLog.ledgerConfig(dir);
    for (int run = 0; run < 2; run++) {
      try (TestLog log = TestLog.start(config)) {
        for (int i = 0; i < 5; i++) {
          log.blocking.append(submit(event("t" + run + "-" + i)));
          Thread.sleep(3);
        }
      }
    }
    try (TestLog log = TestLog.start(config)) {
      long last = -1;
      int marks = 0;
      int events = 0;
      for (Entry en : entries(log)) {
        LedgerEntry le = EventCodec.parseEntry(en.getData().toByteArray());
        if (le instanceof LedgerEntry.ClockMark m) {
          assertTrue(m.nanos() >= last + 1_000_000, "marks advance by at least 1 ms");
          last = m.nanos();
          marks++;
        } else {
          events++;
        }
      }
      assertEquals(10, events);
      assertEquals(10, marks, "each batch came at least 3 ms after the previous one");
    }
  }

  @Test
  void badEventsAreRefusedByFieldAndChangeNothing() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      log.blocking.append(submit(event("first")));
      long before = size(log);

      String noTool =
          "{\"format\":\"tlog-event/1\",\"time\":\""
              + dev.tlog.merkle.ledger.EventTime.format(System.currentTimeMillis() * 1_000_000L)
              + "\",\"actor\":\"agent:a\",\"action\":\"agent.tool_call\",\"severity\":\"info\","
              + "\"payload\":{},\"salt\":\""
              + "ab".repeat(32)
              + "\"}";
      assertRefused(log, raw(noTool), "payload.tool");
      assertRefused(log, raw("{\"format\":\"tlog-clock/1\",\"clock\":\"x\"}"), "format");
      assertRefused(log, raw("not json"), "(document)");
      assertRefused(log, raw(noTool.replace("agent:a", "robot:a")), "actor");
      Event future =
          Event.builder()
              .time(Instant.now().plus(Duration.ofHours(1)))
              .actor("user:alice")
              .action("secret.access")
              .payload("{\"secret\":\"db\"}")
              .build();
      assertRefused(log, submit(future), "ahead of the log's clock");
      Event old =
          Event.builder()
              .time(Instant.now().minus(Duration.ofDays(31)))
              .actor("user:alice")
              .action("secret.access")
              .payload("{\"secret\":\"db\"}")
              .build();
      assertRefused(log, submit(old), "behind the log's clock");

      StatusRuntimeException batch =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  log.blocking.appendBatch(
                      AppendBatchRequest.newBuilder()
                          .addEntries(ByteString.copyFrom(EventCodec.submission(event("ok"))))
                          .addEntries(ByteString.copyFrom(noTool, StandardCharsets.UTF_8))
                          .build()));
      assertEquals(Status.Code.INVALID_ARGUMENT, batch.getStatus().getCode());
      assertTrue(batch.getStatus().getDescription().startsWith("event 1: payload.tool"));
      assertEquals(before, size(log), "nothing was appended");
    }
  }

  @Test
  void aLogKeepsTheModeItWasCreatedIn() throws Exception {
    try (TestLog log = TestLog.start(TestLog.ledgerConfig(dir))) {
      log.blocking.append(submit(event("x")));
    }
    StorageException refused =
        assertThrows(
            StorageException.class,
            () -> {
              try (LogServer s = LogServer.start(TestLog.config(dir))) {
                assertFalse(true, "an opaque server must not open a ledger log");
              }
            });
    assertTrue(refused.getMessage().contains("ledger"), refused.getMessage());
  }

  private static void assertRefused(TestLog log, AppendRequest req, String mentions) {
    StatusRuntimeException e =
        assertThrows(StatusRuntimeException.class, () -> log.blocking.append(req));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(
        e.getStatus().getDescription().contains(mentions),
        "\"" + e.getStatus().getDescription() + "\" should mention " + mentions);
  }

  private static String hex(ByteString b) {
    return dev.tlog.merkle.hash.Hash.of(b.toByteArray()).toHex();
  }
}
