package dev.tlog.server.api.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.ledger.query.FilterException;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.errors.WrongModeException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

/** Storage and internal detail stays in the server log; bad input keeps its message. */
class GrpcErrorsTest {
  @Test
  void storageDetailIsHiddenFromCallers() {
    StatusRuntimeException s =
        GrpcErrors.toStatus(new StorageException("mdb_put /var/lib/tlog/log/data.mdb: MDB_PANIC"));
    assertEquals(Status.Code.INTERNAL, s.getStatus().getCode());
    assertEquals(GrpcErrors.INTERNAL_MESSAGE, s.getStatus().getDescription());
  }

  @Test
  void stateDetailIsHiddenFromCallers() {
    StatusRuntimeException s =
        GrpcErrors.toStatus(new StateMismatchException("stored size 7, key file /etc/x"));
    assertEquals(Status.Code.INTERNAL, s.getStatus().getCode());
    assertEquals(GrpcErrors.INTERNAL_MESSAGE, s.getStatus().getDescription());
  }

  @Test
  void badInputKeepsItsMessage() {
    StatusRuntimeException s =
        GrpcErrors.toStatus(new InvalidRequestException("entry is 70000 bytes, limit 65535"));
    assertEquals(Status.Code.INVALID_ARGUMENT, s.getStatus().getCode());
    assertEquals("entry is 70000 bytes, limit 65535", s.getStatus().getDescription());
  }

  @Test
  void aBadFilterIsInvalidArgumentNamingTheField() {
    StatusRuntimeException s = GrpcErrors.toStatus(new FilterException("text", "does not parse"));
    assertEquals(Status.Code.INVALID_ARGUMENT, s.getStatus().getCode());
    assertEquals("filter.text: does not parse", s.getStatus().getDescription());
  }

  @Test
  void theWrongModeIsAFailedPrecondition() {
    StatusRuntimeException s =
        GrpcErrors.toStatus(new WrongModeException("this log is not a ledger"));
    assertEquals(Status.Code.FAILED_PRECONDITION, s.getStatus().getCode());
    assertEquals("this log is not a ledger", s.getStatus().getDescription());
  }
}
