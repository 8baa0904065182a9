package dev.tlog.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogUnavailableException;
import dev.tlog.client.cli.ExitCodes;
import io.grpc.Status;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Every gRPC status is mapped on purpose, and the exit code follows from the same table. */
class GrpcCallsTest {
  @Test
  void everyStatusCodeHasAnEntry() {
    assertEquals(EnumSet.allOf(Status.Code.class), EnumSet.copyOf(GrpcCalls.FAILURES.keySet()));
  }

  @Test
  void unimplementedIsARejectionNotAVerificationFailure() {
    var e = GrpcCalls.translate("Append", Status.UNIMPLEMENTED.asRuntimeException(), 1);
    assertInstanceOf(LogRequestException.class, e);
    assertEquals(ExitCodes.REJECTED, ExitCodes.of(e));
  }

  @Test
  void serverErrorsAreTheLogFailing() {
    for (Status s : new Status[] {Status.INTERNAL, Status.UNKNOWN, Status.DATA_LOSS}) {
      var e = GrpcCalls.translate("GetCheckpoint", s.asRuntimeException(), 3);
      assertInstanceOf(LogUnavailableException.class, e, s.toString());
      assertEquals(ExitCodes.UNAVAILABLE, ExitCodes.of(e));
    }
  }

  @Test
  void exitCodeOfEachFailureIsTheTableEntry() {
    for (Status.Code c : Status.Code.values()) {
      var e = GrpcCalls.translate("call", Status.fromCode(c).asRuntimeException(), 1);
      assertEquals(GrpcCalls.FAILURES.get(c).exitCode(), ExitCodes.of(e), c.name());
    }
  }
}
