package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LMDB's MDB_MAP_FULL never reaches a client: the test log's map starts at 1 MiB ({@code
 * --map-size-mib 1}), about 3 MB of entries are appended over gRPC, and every batch is acknowledged
 * at the next indexes because the map is doubled and the batch retried (spec/api.md, "Errors": only
 * a map that cannot grow is {@code RESOURCE_EXHAUSTED} naming {@code --map-size-mib}).
 */
class MapGrowthTest {
  @TempDir Path dir;

  @Test
  void appendsBeyondTheInitialMapSizeAreAcknowledged() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      long next = 0;
      for (int batch = 0; batch < 48; batch++) {
        AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
        for (int i = 0; i < 64; i++) {
          byte[] e = new byte[1000];
          Arrays.fill(e, (byte) (batch + i));
          e[0] = (byte) batch;
          e[1] = (byte) i;
          b.addEntries(ByteString.copyFrom(e));
        }
        AppendBatchResponse r = log.blocking.appendBatch(b.build());
        for (int i = 0; i < 64; i++) {
          assertEquals(next++, r.getResults(i).getIndex());
        }
      }
      assertEquals(48 * 64, log.server.signedCheckpoints().current().size());
    }
  }
}
