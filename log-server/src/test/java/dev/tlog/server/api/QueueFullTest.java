package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.server.api.grpc.GrpcErrors;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.Replies;
import dev.tlog.server.testing.TestLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueFullTest {
  @TempDir Path dir;

  @Test
  void fullQueueAnswersResourceExhaustedAndLosesNothingAcknowledged() throws Exception {
    // The writer waits up to 3 s for a batch of 3 to fill, so whichever 2-entry batch is queued
    // first leaves it waiting with 2 of 3 slots used and the other cannot fit. The test does not
    // depend on which one wins (no sleeps): exactly one is refused, the other is durable.
    SequencerLimits limits = new SequencerLimits(3, Duration.ofSeconds(3), 3);
    try (TestLog log = TestLog.start(TestLog.config(dir, limits))) {
      CompletableFuture<AppendBatchResponse> ab = new CompletableFuture<>();
      CompletableFuture<AppendBatchResponse> cd = new CompletableFuture<>();
      log.async.appendBatch(batch("a", "b"), Replies.into(ab));
      log.async.appendBatch(batch("c", "d"), Replies.into(cd));
      List<String> accepted = new ArrayList<>();
      int refused = 0;
      for (var f : List.of(Map.entry(List.of("a", "b"), ab), Map.entry(List.of("c", "d"), cd))) {
        try {
          assertEquals(2, f.getValue().get(30, TimeUnit.SECONDS).getResultsCount());
          accepted.addAll(f.getKey());
        } catch (ExecutionException e) {
          StatusRuntimeException s = (StatusRuntimeException) e.getCause();
          assertEquals(Status.Code.RESOURCE_EXHAUSTED, s.getStatus().getCode());
          assertNotNull(s.getTrailers().get(GrpcErrors.RETRY_AFTER_MS));
          refused++;
        }
      }
      assertEquals(1, refused, "exactly one batch is refused");
      List<String> stored = new ArrayList<>();
      log.blocking
          .getEntries(GetEntriesRequest.newBuilder().setStart(0).setEnd(10).build())
          .forEachRemaining(e -> stored.add(e.getData().toStringUtf8()));
      assertEquals(accepted, stored, "the acknowledged batch is stored, the refused one is not");
    }
  }

  private static AppendBatchRequest batch(String... entries) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    for (String s : entries) {
      b.addEntries(ByteString.copyFromUtf8(s));
    }
    return b.build();
  }
}
