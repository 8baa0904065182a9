package dev.tlog.server.evidence;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.EventFilter;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.LedgerServiceGrpc;
import dev.tlog.proto.v1.QueryRequest;
import dev.tlog.proto.v1.QueryResponse;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.evidence.config.CollectorsConfig;
import dev.tlog.server.evidence.config.CollectorsFile;
import dev.tlog.server.testing.TestLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A real ledger log with collectors, on the test's clock; reads evidence events back through the
 * ledger's gRPC query API. Waits are on conditions, with generous timeouts.
 */
final class EvidenceLog implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_MILLIS = 60_000;

  final TestLog log;
  final MovableClock clock;
  private final LedgerServiceGrpc.LedgerServiceBlockingStub ledger;

  /** One evidence event as read back. */
  record Ev(
      long index,
      String action,
      String severity,
      String collector,
      long timeNanos,
      JsonNode payload) {
    String text(String field) {
      return payload.path(field).asText();
    }
  }

  private EvidenceLog(TestLog log, MovableClock clock) {
    this.log = log;
    this.clock = clock;
    this.ledger = LedgerServiceGrpc.newBlockingStub(log.channel);
  }

  static EvidenceLog start(Path dir, MovableClock clock, String collectorsYaml) throws IOException {
    return start(TestLog.ledgerConfig(dir), clock, collectorsYaml);
  }

  static EvidenceLog start(ServerConfig config, MovableClock clock, String collectorsYaml)
      throws IOException {
    CollectorsConfig c = CollectorsFile.parse(collectorsYaml, "test");
    TestLog log = TestLog.start(config.withClock(clock).withCollectors(c));
    EvidenceLog e = new EvidenceLog(log, clock);
    e.await("scheduler ready", () -> e.scheduler().ready());
    return e;
  }

  EvidenceScheduler scheduler() {
    return log.server.evidence().orElseThrow();
  }

  /** Every event of {@code action} by the collectors' actor, in log order. */
  List<Ev> events(String action) {
    List<Ev> out = new ArrayList<>();
    long start = 0;
    while (true) {
      QueryResponse page =
          ledger.query(
              QueryRequest.newBuilder()
                  .setFilter(
                      EventFilter.newBuilder().addActors(Evidence.ACTOR).addActions(action).build())
                  .setStartIndex(start)
                  .setPageSize(1000)
                  .build());
      for (LedgerEvent e : page.getEventsList()) {
        LedgerEntry.EventEntry entry =
            (LedgerEntry.EventEntry) EventCodec.parseEntry(e.getEntry().toByteArray());
        String payload =
            EventCodec.parsePayloadRecord(e.getPayloadRecord().toByteArray()).payload();
        try {
          out.add(
              new Ev(
                  e.getIndex(),
                  entry.action(),
                  entry.severity().label(),
                  entry.meta().getOrDefault(Evidence.META_COLLECTOR, ""),
                  entry.timeNanos(),
                  JSON.readTree(payload)));
        } catch (IOException ex) {
          throw new AssertionError(ex);
        }
      }
      if (!page.getMore()) {
        return out;
      }
      start = page.getNextIndex();
    }
  }

  List<Ev> events(String action, String collector) {
    return events(action).stream().filter(e -> e.collector().equals(collector)).toList();
  }

  /**
   * Waits until {@code collector} has an event of {@code action} whose {@code due} is {@code due}.
   */
  Ev awaitEvent(String action, String collector, String due) {
    return await(
        action + " of " + collector + " due " + due,
        () ->
            events(action, collector).stream()
                .filter(e -> e.text("due").startsWith(due.replace("Z", "")))
                .findFirst()
                .orElse(null));
  }

  /** Waits until the scheduler has ticked twice after now and has no work in progress. */
  void awaitQuiet() {
    long t = scheduler().ticks();
    await(
        "two ticks and no work in progress",
        () -> scheduler().ticks() >= t + 3 && scheduler().idle());
  }

  /** Appends one client event and returns its acknowledgement. */
  AppendResponse appendClientEvent(String what) {
    Event e =
        Event.builder()
            .time(clock.instant())
            .actor("user:alice")
            .action("acme.deploy")
            .payload("{\"what\":\"" + what + "\"}")
            .build();
    return log.blocking.append(
        AppendRequest.newBuilder().setData(ByteString.copyFrom(EventCodec.submission(e))).build());
  }

  void await(String what, BooleanSupplier cond) {
    await(what, () -> cond.getAsBoolean() ? Boolean.TRUE : null);
  }

  <T> T await(String what, Supplier<T> value) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (true) {
      T v = value.get();
      if (v != null) {
        return v;
      }
      if (System.currentTimeMillis() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    log.close();
    assertTrue(true);
  }
}
