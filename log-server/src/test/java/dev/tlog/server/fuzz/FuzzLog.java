package dev.tlog.server.fuzz;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import dev.tlog.merkle.fuzz.FuzzTally;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetCheckpointResponse;
import dev.tlog.server.testing.TestLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A real ledger-mode log server on loopback over LMDB in a fresh temporary directory, seeded with a
 * few events, for one fuzz property; {@link #close} stops it and deletes the directory.
 */
final class FuzzLog implements AutoCloseable {
  /** The statuses spec/api.md documents for bad or out-of-range input; anything else is a bug. */
  static final Set<Status.Code> DOCUMENTED =
      EnumSet.of(
          Status.Code.OK,
          Status.Code.INVALID_ARGUMENT,
          Status.Code.OUT_OF_RANGE,
          Status.Code.NOT_FOUND,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.RESOURCE_EXHAUSTED);

  static final int SEEDED = 12;

  final Path dir;
  final TestLog log;

  FuzzLog() {
    try {
      dir = Files.createTempDirectory("tlog-fuzz");
      log = TestLog.start(TestLog.ledgerConfig(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AppendBatchRequest.Builder seed = AppendBatchRequest.newBuilder();
    for (int i = 0; i < SEEDED; i++) {
      seed.addEntries(ByteString.copyFrom(EventCodec.submission(event(i, "seed " + i))));
    }
    log.blocking.appendBatch(seed.build());
  }

  /** A valid event, "now", whose actor and payload vary with {@code i} and {@code word}. */
  static Event event(int i, String word) {
    return Event.builder()
        .time(Instant.now())
        .actor(i % 2 == 0 ? "agent:planner" : "user:alice")
        .action(i % 3 == 0 ? "agent.tool_call" : "resource.snapshot")
        .severity(Severity.values()[Math.floorMod(i, Severity.values().length)])
        .payload("{\"tool\":\"sh\",\"cmd\":" + TextNode.valueOf(word) + "}")
        .meta("host", "web-" + Math.floorMod(i, 3))
        .build();
  }

  /** Valid submissions with random words. */
  static Arbitrary<byte[]> submissions() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 100),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30))
        .as((i, w) -> EventCodec.submission(event(i, w)));
  }

  /** The latest checkpoint and size. */
  GetCheckpointResponse checkpoint() {
    return log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance());
  }

  /** Fails through {@code tally} unless the log's checkpoint is still {@code before}. */
  void assertUnchanged(GetCheckpointResponse before, FuzzTally tally) {
    GetCheckpointResponse after = checkpoint();
    if (!after.equals(before)) {
      throw tally.unexpected("a read changed the log: " + before + " -> " + after);
    }
  }

  /** The status {@code r} ended with: OK, or the code of the StatusRuntimeException it threw. */
  static Status.Code statusOf(Runnable r) {
    try {
      r.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  @Override
  public void close() throws InterruptedException {
    log.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
