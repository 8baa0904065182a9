package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetConsistencyProofRequest;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.server.testing.TestLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Each bad request gets the documented status and message, and changes nothing. */
class BadInputTest {
  @TempDir Path dir;
  TestLog log;
  String before;

  @BeforeEach
  void start() throws Exception {
    log = TestLog.start(dir);
    for (int i = 0; i < 5; i++) {
      log.blocking.append(
          AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("e" + i)).build());
    }
    before = log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint();
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(
        before,
        log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint(),
        "state changed");
    log.close();
  }

  private static void expect(Status.Code code, String fragment, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    String d = e.getStatus().getDescription();
    assertTrue(
        d != null && d.contains(fragment),
        "description \"" + d + "\" should mention \"" + fragment + "\"");
  }

  @Test
  void appendRejectsEmptyAndOversizedEntries() {
    expect(
        Status.Code.INVALID_ARGUMENT,
        "empty",
        () -> log.blocking.append(AppendRequest.getDefaultInstance()));
    expect(
        Status.Code.INVALID_ARGUMENT,
        "limit is 1024",
        () ->
            log.blocking.append(
                AppendRequest.newBuilder().setData(ByteString.copyFrom(new byte[1025])).build()));
  }

  @Test
  void batchIsAllOrNothing() {
    expect(
        Status.Code.INVALID_ARGUMENT,
        "entry 1 is empty",
        () ->
            log.blocking.appendBatch(
                AppendBatchRequest.newBuilder()
                    .addEntries(ByteString.copyFromUtf8("fine"))
                    .addEntries(ByteString.EMPTY)
                    .build()));
    expect(
        Status.Code.INVALID_ARGUMENT,
        "empty",
        () -> log.blocking.appendBatch(AppendBatchRequest.getDefaultInstance()));
    AppendBatchRequest.Builder big = AppendBatchRequest.newBuilder();
    for (int i = 0; i < 65; i++) {
      big.addEntries(ByteString.copyFromUtf8("b" + i));
    }
    expect(
        Status.Code.INVALID_ARGUMENT, "limit is 64", () -> log.blocking.appendBatch(big.build()));
  }

  @Test
  void proofsCheckRangesFirst() {
    expect(
        Status.Code.INVALID_ARGUMENT,
        "index 5 is not < tree size 5",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder().setIndex(5).setTreeSize(5).build()));
    expect(
        Status.Code.OUT_OF_RANGE,
        "index 7",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder().setIndex(7).build()));
    expect(
        Status.Code.OUT_OF_RANGE,
        "tree_size 6",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder().setIndex(0).setTreeSize(6).build()));
    expect(
        Status.Code.INVALID_ARGUMENT,
        "either index or leaf_hash",
        () -> log.blocking.getInclusionProof(GetInclusionProofRequest.getDefaultInstance()));
    expect(
        Status.Code.INVALID_ARGUMENT,
        "32 bytes",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder()
                    .setLeafHash(ByteString.copyFrom(new byte[5]))
                    .build()));
    expect(
        Status.Code.NOT_FOUND,
        "no entry has leaf hash",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder()
                    .setLeafHash(ByteString.copyFrom(new byte[32]))
                    .build()));
    expect(
        Status.Code.INVALID_ARGUMENT,
        "first <= second",
        () ->
            log.blocking.getConsistencyProof(
                GetConsistencyProofRequest.newBuilder().setFirst(4).setSecond(3).build()));
    expect(
        Status.Code.OUT_OF_RANGE,
        "second 9",
        () ->
            log.blocking.getConsistencyProof(
                GetConsistencyProofRequest.newBuilder().setFirst(1).setSecond(9).build()));
  }

  @Test
  void entriesCheckRanges() {
    expect(
        Status.Code.INVALID_ARGUMENT,
        "start <= end",
        () ->
            log.blocking
                .getEntries(GetEntriesRequest.newBuilder().setStart(3).setEnd(2).build())
                .hasNext());
    expect(
        Status.Code.OUT_OF_RANGE,
        "start 5",
        () ->
            log.blocking
                .getEntries(GetEntriesRequest.newBuilder().setStart(5).setEnd(6).build())
                .hasNext());
  }
}
