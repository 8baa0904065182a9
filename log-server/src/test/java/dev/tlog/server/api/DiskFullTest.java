package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.server.testing.TestLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a full disk during a commit is reported as {@code RESOURCE_EXHAUSTED} with "disk full"
 * in the message (not {@code INTERNAL}), the log keeps accepting appends once space is freed, and
 * everything acknowledged before is intact after a restart. The data directory is a real 8 MiB
 * tmpfs (the tests run as root); where mounting is not permitted the test is skipped.
 */
class DiskFullTest {
  @TempDir Path tmp;
  private Path data;
  private boolean mounted;

  @BeforeEach
  void mountSmallTmpfs() throws Exception {
    data = Files.createDirectory(tmp.resolve("data"));
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", data.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    Assumptions.assumeTrue(
        mounted, "needs `mount -t tmpfs` (root or CAP_SYS_ADMIN) for a small real disk: " + out);
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", "-l", data.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void aFullDiskIsResourceExhaustedAndAppendsResumeOnceSpaceIsFreed() throws Exception {
    List<byte[]> acknowledged = new ArrayList<>();
    Path filler = data.resolve("filler");
    try (TestLog log = TestLog.start(TestLog.config(data))) {
      acknowledged.addAll(append(log, "before", 0, 32));
      fill(filler);
      StatusRuntimeException full =
          assertThrows(StatusRuntimeException.class, () -> append(log, "full", 0, 64));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, full.getStatus().getCode(), full.toString());
      assertTrue(
          full.getStatus().getDescription().contains("disk full"),
          full.getStatus().getDescription());
      Files.delete(filler);
      // Space is back: appends are accepted again (the first may be refused as built on the
      // failed batch, with UNAVAILABLE; a retry is what a client does).
      acknowledged.addAll(appendRetryingUnavailable(log, "after", acknowledged.size(), 32));
    }
    try (TestLog log = TestLog.start(TestLog.config(data))) {
      assertEquals(acknowledged.size(), log.server.signedCheckpoints().current().size());
      Iterator<Entry> it =
          log.blocking.getEntries(
              GetEntriesRequest.newBuilder().setStart(0).setEnd(acknowledged.size()).build());
      for (int i = 0; i < acknowledged.size(); i++) {
        Entry e = it.next();
        assertEquals(i, e.getIndex());
        assertTrue(Arrays.equals(acknowledged.get(i), e.getData().toByteArray()), "entry " + i);
      }
    }
  }

  /**
   * Appends {@code n} 1 KiB entries; returns them in index order, checking indexes from {@code
   * first}.
   */
  private static List<byte[]> append(TestLog log, String tag, long first, int n) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] e = new byte[1000];
      Arrays.fill(e, (byte) 'x');
      byte[] id = (tag + " " + i + " ").getBytes(StandardCharsets.UTF_8);
      System.arraycopy(id, 0, e, 0, id.length);
      entries.add(e);
      b.addEntries(ByteString.copyFrom(e));
    }
    AppendBatchResponse r = log.blocking.appendBatch(b.build());
    assertEquals(n, r.getResultsCount());
    for (int i = 0; i < n; i++) {
      if (first >= 0 && !tag.equals("full")) {
        assertEquals(first + i, r.getResults(i).getIndex());
      }
    }
    return entries;
  }

  private static List<byte[]> appendRetryingUnavailable(TestLog log, String tag, long first, int n)
      throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return append(log, tag, first, n);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt >= 10) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  /** Writes {@code filler} until the file system is full. */
  private static void fill(Path filler) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
  }
}
