package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.server.api.grpc.GrpcErrors;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.testing.TestLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueFullTest {
  @TempDir Path dir;

  @Test
  void fullQueueAnswersResourceExhaustedAndLosesNothingAcknowledged() throws Exception {
    // The writer waits up to 3 s for a batch of 3 to fill; a 2-entry batch leaves it waiting with
    // 2 of 3 queue slots used, so a second 2-entry batch cannot fit.
    SequencerLimits limits = new SequencerLimits(3, Duration.ofSeconds(3), 3);
    try (TestLog log = TestLog.start(TestLog.config(dir, limits))) {
      CompletableFuture<AppendBatchResponse> first = new CompletableFuture<>();
      log.async.appendBatch(batch("a", "b"), observer(first));
      Thread.sleep(200);
      StatusRuntimeException e =
          assertThrows(
              StatusRuntimeException.class, () -> log.blocking.appendBatch(batch("c", "d")));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
      assertNotNull(e.getTrailers().get(GrpcErrors.RETRY_AFTER_MS));
      AppendBatchResponse ok = first.get(30, TimeUnit.SECONDS);
      assertEquals(2, ok.getResultsCount());
      var it =
          log.blocking.getEntries(GetEntriesRequest.newBuilder().setStart(0).setEnd(10).build());
      assertEquals("a", it.next().getData().toStringUtf8());
      assertEquals("b", it.next().getData().toStringUtf8());
      assertEquals(false, it.hasNext(), "the refused batch was not appended");
    }
  }

  private static AppendBatchRequest batch(String... entries) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    for (String s : entries) {
      b.addEntries(ByteString.copyFromUtf8(s));
    }
    return b.build();
  }

  private static <T> StreamObserver<T> observer(CompletableFuture<T> f) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        f.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        f.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }
}
