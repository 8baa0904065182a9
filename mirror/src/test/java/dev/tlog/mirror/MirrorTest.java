package dev.tlog.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.client.cli.Main;
import dev.tlog.mirror.testing.Logs;
import dev.tlog.mirror.testing.SameObjects;
import dev.tlog.mirror.testing.TestMirror;
import dev.tlog.server.testing.S3Bucket;
import dev.tlog.server.testing.TestLog;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * spec/mirror.md, "Tests": a mirror of a real log serves byte for byte, header for header, what the
 * log serves; the tlog CLI's audit passes against it; it follows growth, resumes from its stored
 * state after a restart (serving it even while the upstream is down), and follows a bucket too.
 */
class MirrorTest {
  @TempDir Path tmp;

  @Test
  void mirrorsALogAndFollowsItsGrowth() throws Exception {
    Path data = tmp.resolve("mirror");
    String vkey;
    long size;
    try (TestLog log = TestLog.start(tmp.resolve("log"))) {
      vkey = log.server.verifierKey();
      Logs.append(log, "first", 3000);
      // A small staging step: catching up commits in many steps before the checkpoint moves.
      try (TestMirror mirror = TestMirror.start(data, Logs.url(log), vkey, 64 * 1024)) {
        assertEquals(Logs.size(log), mirror.awaitSize(() -> Logs.size(log)));
        SameObjects.assertSame(Logs.url(log), mirror.url(), Logs.size(log), true);
        assertAuditPasses(mirror.url(), vkey, Logs.size(log));

        Logs.append(log, "second", 700);
        assertEquals(Logs.size(log), mirror.awaitSize(() -> Logs.size(log)));
        SameObjects.assertSame(Logs.url(log), mirror.url(), Logs.size(log), true);
        assertAuditPasses(mirror.url(), vkey, Logs.size(log));
        assertEquals((double) Logs.size(log), mirror.metric("tlog_mirror_tree_size"));
        assertEquals(0.0, mirror.metric("tlog_mirror_forked"));
        assertEquals(200, mirror.get("readyz").statusCode());
        size = Logs.size(log);
      }

      // Restart: the stored state is served at once, then growth is followed from there.
      try (TestMirror mirror = TestMirror.start(data, Logs.url(log), vkey)) {
        assertTrue(mirror.server.status().servedSize() >= size, "resumed below the stored size");
        Logs.append(log, "third", 300);
        assertEquals(Logs.size(log), mirror.awaitSize(() -> Logs.size(log)));
        SameObjects.assertSame(Logs.url(log), mirror.url(), Logs.size(log), true);
        size = Logs.size(log);
      }
    }

    // The log is gone: the mirror starts anyway and serves what it stored.
    try (TestMirror mirror = TestMirror.start(data, "http://127.0.0.1:9/", vkey)) {
      assertEquals(size, mirror.server.status().servedSize());
      HttpResponse<byte[]> cp = mirror.get("checkpoint");
      assertEquals(200, cp.statusCode());
      assertTrue(new String(cp.body(), StandardCharsets.UTF_8).contains("\n" + size + "\n"));
      assertEquals(200, mirror.get("tile/entries/000").statusCode());
      assertEquals(200, mirror.get("readyz").statusCode());
      mirror.server.pollNow();
      assertTrue(mirror.metric("tlog_mirror_upstream_errors_total") >= 1);
    }
  }

  @Test
  void mirrorsABucketTheServerPublishesTo() throws Exception {
    try (S3Bucket bucket = S3Bucket.start(tmp.resolve("s3"));
        TestLog log =
            TestLog.start(
                TestLog.config(tmp.resolve("log")).withPublishing(bucket.settings("m/")))) {
      Logs.append(log, "bucket", 1100);
      long size = Logs.size(log);
      assertTrue(
          log.server.publisher().orElseThrow().awaitBucketSize(size, Duration.ofSeconds(60)),
          "the bucket did not reach size " + size);
      try (TestMirror mirror =
          TestMirror.start(tmp.resolve("mirror"), bucket.url("m/"), log.server.verifierKey())) {
        assertEquals(size, mirror.awaitSize(() -> size));
        // The bucket's objects, byte for byte; headers as the log server sets them.
        SameObjects.assertSame(bucket.url("m/"), mirror.url(), size, false);
        SameObjects.assertSame(Logs.url(log), mirror.url(), size, true);
        assertAuditPasses(mirror.url(), log.server.verifierKey(), size);
      }
    }
  }

  private static void assertAuditPasses(String url, String vkey, long size) {
    CommandLine cli = Main.commandLine(new ByteArrayInputStream(new byte[0]));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("audit", "--http", url, "--vkey", vkey, "--no-state");
    String report = "exit " + exit + "\n" + out + "\n" + err;
    assertEquals(0, exit, report);
    assertTrue(out.toString().contains("audit passed"), report);
    assertTrue(out.toString().contains(String.valueOf(size)), report);
  }
}
