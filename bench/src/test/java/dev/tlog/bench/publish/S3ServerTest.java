package dev.tlog.bench.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.bench.raw.S3PutLimit;
import dev.tlog.bench.report.Figure;
import dev.tlog.server.publish.s3.S3ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process S3 server takes PUTs from the server's own S3 client, keeps them as files, and
 * counts every object, its bytes, the checkpoints among them and the entries of the bundles; the
 * raw PUT limit's counts agree with what the server counted.
 */
class S3ServerTest {
  @TempDir Path dir;

  @Test
  void countsWhatTheServersClientStores() {
    try (S3Server s3 = S3Server.start(dir.resolve("s3"));
        S3ObjectStore store = S3ObjectStore.open(s3.settings("log/"))) {
      PutCount start = s3.puts();
      store.put("tile/0/000", new byte[8192], "application/octet-stream", "no-cache");
      store.put("tile/entries/000", new byte[100], "application/octet-stream", "no-cache");
      store.put("tile/entries/001.p/17", new byte[10], "application/octet-stream", "no-cache");
      store.put("checkpoint", "size 1\n".getBytes(), "text/plain", "no-cache");
      assertEquals(new PutCount(4, 8192 + 100 + 10 + 7, 1, 256 + 17), s3.puts().since(start));
      assertArrayEquals(new byte[8192], store.get("tile/0/000").orElseThrow());
    }
  }

  @Test
  void rawPutLimitCountsEveryPut() {
    try (S3Server s3 = S3Server.start(dir.resolve("s3"));
        S3ObjectStore store = S3ObjectStore.open(s3.settings("raw/"))) {
      S3PutLimit limit = new S3PutLimit(store);
      long warm = limit.warmUp(1024, Duration.ZERO, 3);
      assertEquals(3, warm);
      Figure f = limit.measure("raw.s3.put.test", 1024, Duration.ofMillis(600));
      long measured = f.counts().get("objects") + f.counts().get("warmup_objects");
      assertEquals(new PutCount(warm + measured, (warm + measured) * 1024, 0, 0), s3.puts());
      assertTrue(f.value() > 0, f.toString());
      assertEquals("objects/s", f.unit());
    }
  }
}
