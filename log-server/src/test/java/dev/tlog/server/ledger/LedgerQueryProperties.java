package dev.tlog.server.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Through the real server (real LMDB, real gRPC, real Lucene): for random events appended in random
 * batches and random combined filters, every page of Query put together equals a naive scan of the
 * log's entries, and an appender's own events are covered at once.
 */
class LedgerQueryProperties {
  private Path dir;
  private TestLog log;
  private LedgerServiceGrpc.LedgerServiceBlockingStub ledger;

  @BeforeProperty
  void start() throws Exception {
    dir = Files.createTempDirectory("tlog-ledger-props");
    log = TestLog.start(TestLog.ledgerConfig(dir));
    ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
  }

  @AfterProperty
  void stop() throws Exception {
    log.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Property(tries = 25)
  void queryPagesEqualANaiveScan(@ForAll long seed) throws Exception {
    Random r = new Random(seed);
    for (int batch = 1 + r.nextInt(3); batch > 0; batch--) {
      List<Event> events = new ArrayList<>();
      for (int n = 1 + r.nextInt(15); n > 0; n--) {
        events.add(LedgerEvents.random(r, Instant.now()));
      }
      LedgerClient.append(log.blocking, events);
      Thread.sleep(r.nextInt(3));
    }
    long size = log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
    NaiveLedger naive = NaiveLedger.scan(log.blocking, ledger, size);
    for (int k = 0; k < 8; k++) {
      EventFilter f = naive.randomFilter(r);
      int pageSize = 1 + r.nextInt(8);
      List<Long> got =
          LedgerClient.queryAll(ledger, f, pageSize).stream().map(LedgerEvent::getIndex).toList();
      assertEquals(naive.matching(f, size), got, () -> f + " page size " + pageSize);
    }
  }
}
