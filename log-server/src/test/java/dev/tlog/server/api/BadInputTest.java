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

  /** uint64 fields >= 2^63: refused with the status of their range, naming the value sent. */
  @Test
  void hugeUint64FieldsAreNamedAsSent() {
    long twoTo63 = Long.MIN_VALUE; // the bits of 2^63
    long max = -1L; // the bits of 2^64 - 1
    expect(
        Status.Code.OUT_OF_RANGE,
        "index 9223372036854775808 is not < tree size 5",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder().setIndex(twoTo63).build()));
    expect(
        Status.Code.INVALID_ARGUMENT,
        "index 18446744073709551615 is not < tree size 3",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder().setIndex(max).setTreeSize(3).build()));
    expect(
        Status.Code.OUT_OF_RANGE,
        "tree_size 18446744073709551615 is beyond",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder().setIndex(0).setTreeSize(max).build()));
    expect(
        Status.Code.OUT_OF_RANGE,
        "tree_size 9223372036854775808 is beyond",
        () ->
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder()
                    .setLeafHash(ByteString.copyFrom(new byte[32]))
                    .setTreeSize(twoTo63)
                    .build()));
    expect(
        Status.Code.INVALID_ARGUMENT,
        "first=18446744073709551615 second=3",
        () ->
            log.blocking.getConsistencyProof(
                GetConsistencyProofRequest.newBuilder().setFirst(max).setSecond(3).build()));
    expect(
        Status.Code.OUT_OF_RANGE,
        "second 9223372036854775808 is beyond",
        () ->
            log.blocking.getConsistencyProof(
                GetConsistencyProofRequest.newBuilder().setFirst(1).setSecond(twoTo63).build()));
    expect(
        Status.Code.OUT_OF_RANGE,
        "start 9223372036854775807 is not below the latest checkpoint size 5",
        () ->
            log.blocking
                .getEntries(
                    GetEntriesRequest.newBuilder()
                        .setStart(Long.MAX_VALUE)
                        .setEnd(Long.MAX_VALUE)
                        .build())
                .hasNext());
    expect(
        Status.Code.OUT_OF_RANGE,
        "start 9223372036854775808 is not below",
        () ->
            log.blocking
                .getEntries(GetEntriesRequest.newBuilder().setStart(twoTo63).setEnd(max).build())
                .hasNext());
    expect(
        Status.Code.INVALID_ARGUMENT,
        "got start=18446744073709551615 end=9223372036854775808",
        () ->
            log.blocking
                .getEntries(GetEntriesRequest.newBuilder().setStart(max).setEnd(twoTo63).build())
                .hasNext());
    // A range ending past the tip is clipped, not refused.
    assertEquals(
        5,
        countEntries(
            log.blocking.getEntries(
                GetEntriesRequest.newBuilder().setStart(0).setEnd(max).build())));
    // An empty range at the tip is a follower polling: an empty answer.
    assertEquals(
        0,
        countEntries(
            log.blocking.getEntries(GetEntriesRequest.newBuilder().setStart(5).setEnd(5).build())));
  }

  private static int countEntries(java.util.Iterator<?> it) {
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }
}
