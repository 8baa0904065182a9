package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.runtime.logging.LogCapture;
import dev.tlog.server.api.grpc.MalformedMessages;
import dev.tlog.server.testing.TestLog;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes that are not a valid request message, sent over a real grpc-java channel, are {@code
 * INVALID_ARGUMENT}, change nothing, and are logged once per client address, never with a stack
 * trace.
 */
class MalformedMessageTest {
  @TempDir Path dir;

  private LogCapture capture;

  @BeforeEach
  void listen() {
    capture = LogCapture.open();
  }

  @AfterEach
  void stopListening() {
    capture.close();
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  /** LogService/Append with the request marshalled as raw bytes. */
  private static final MethodDescriptor<byte[], byte[]> RAW_APPEND =
      LogServiceGrpc.getAppendMethod().toBuilder(BYTES, BYTES).build();

  // Field 1 (data, bytes) claims 100 bytes but 2 follow: truncated.
  private static final byte[] TRUNCATED = {0x0a, 100, 1, 2};

  // A group end tag with no group: never valid.
  private static final byte[] BAD_TAG = {0x0c};

  @Test
  void malformedMessageInAnAppendStreamEndsTheStreamWithInvalidArgument() throws Exception {
    MethodDescriptor<byte[], byte[]> rawStream =
        LogServiceGrpc.getAppendStreamMethod().toBuilder(BYTES, BYTES).build();
    try (TestLog log = TestLog.start(dir)) {
      CompletableFuture<Throwable> ended = new CompletableFuture<>();
      List<byte[]> acks = new ArrayList<>();
      StreamObserver<byte[]> requests =
          ClientCalls.asyncBidiStreamingCall(
              log.channel.newCall(rawStream, CallOptions.DEFAULT),
              new StreamObserver<>() {
                @Override
                public void onNext(byte[] ack) {
                  synchronized (acks) {
                    acks.add(ack);
                  }
                }

                @Override
                public void onError(Throwable t) {
                  ended.complete(t);
                }

                @Override
                public void onCompleted() {
                  ended.complete(null);
                }
              });
      requests.onNext(
          AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("ok")).build().toByteArray());
      requests.onNext(TRUNCATED);
      Throwable t = ended.get(10, TimeUnit.SECONDS);
      requests.onCompleted();
      assertEquals(Status.Code.INVALID_ARGUMENT, Status.fromThrowable(t).getCode(), "" + t);
      log.blocking.append(AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("b")).build());
    }
  }

  @Test
  void malformedAppendIsInvalidArgumentAndLoggedOncePerClient() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      log.blocking.append(AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("a")).build());
      String before =
          log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint();

      for (int i = 0; i < 5; i++) {
        byte[] bad = i % 2 == 0 ? TRUNCATED : BAD_TAG;
        StatusRuntimeException e =
            assertThrows(
                StatusRuntimeException.class,
                () ->
                    ClientCalls.blockingUnaryCall(
                        log.channel, RAW_APPEND, CallOptions.DEFAULT, bad));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
        String d = e.getStatus().getDescription();
        assertTrue(d != null && d.startsWith("malformed request message: "), d);
      }

      // The channel and server are fine afterwards, and nothing was appended.
      assertEquals(
          before,
          log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint());
      log.blocking.append(AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("b")).build());
    }
    List<ILoggingEvent> records = capture.events();
    List<ILoggingEvent> ours =
        records.stream()
            .filter(r -> MalformedMessages.class.getName().equals(r.getLoggerName()))
            .toList();
    assertEquals(1, ours.size(), "one line for the client, not one per request");
    assertEquals(null, ours.get(0).getThrowableProxy(), "no stack trace");
    assertTrue(
        ours.get(0).getFormattedMessage().contains("127.0.0.1"), ours.get(0).getFormattedMessage());
    List<String> severe =
        records.stream()
            .filter(r -> r.getLevel().isGreaterOrEqual(Level.ERROR))
            .map(r -> r.getLoggerName() + ": " + r.getFormattedMessage())
            .toList();
    assertEquals(List.of(), severe, "ERROR log records");
  }
}
