package dev.tlog.server.ledger.query;

import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.read.Uint64;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GetPayloads: the payload records of a range of entries, straight from storage. */
public final class PayloadReads {
  /** Most entries per request. */
  public static final int MAX_RANGE = 1000;

  private final LogStorage storage;
  private final CheckpointFeed signed;

  public PayloadReads(LogStorage storage, CheckpointFeed signed) {
    this.storage = storage;
    this.signed = signed;
  }

  /**
   * The payload record of each entry in {@code [start, end)} (empty for clock marks and erased
   * payloads); the range must lie within the latest signed checkpoint.
   */
  public List<Optional<byte[]>> payloads(long start, long end) {
    if (Uint64.compare(start, end) > 0) {
      throw new InvalidRequestException(
          "need 0 <= start <= end, got start=" + Uint64.str(start) + " end=" + Uint64.str(end));
    }
    if (Uint64.compare(end - start, MAX_RANGE) > 0) {
      throw new InvalidRequestException(
          "at most "
              + MAX_RANGE
              + " payload records per request, asked for "
              + Uint64.str(end - start));
    }
    long size = signed.current().size();
    if (Uint64.compare(end, size) > 0) {
      throw new OutOfRangeException(
          "end " + Uint64.str(end) + " is beyond the latest checkpoint size " + size);
    }
    List<Optional<byte[]>> out = new ArrayList<>((int) (end - start));
    try (LogReader log = storage.reader()) {
      for (long i = start; i < end; i++) {
        out.add(log.payloadRecord(i));
      }
    }
    return out;
  }
}
