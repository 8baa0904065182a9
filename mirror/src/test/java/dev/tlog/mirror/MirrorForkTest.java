package dev.tlog.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.mirror.follow.Follower.Outcome;
import dev.tlog.mirror.testing.Logs;
import dev.tlog.mirror.testing.SwitchProxy;
import dev.tlog.mirror.testing.TestMirror;
import dev.tlog.server.testing.TestLog;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/mirror.md, "Tests": two real logs signing with the same key and origin but holding different
 * entries are a fork the mirror proves and then refuses to serve, across restarts, whether the
 * other log is larger, smaller or the same size; an older checkpoint of the same log is not a fork;
 * a tampered tile is not a fork either, and neither it nor what was staged before it is served.
 */
class MirrorForkTest {
  @TempDir Path tmp;

  @Test
  void aLargerOtherHistoryIsAForkServedAsEvidenceAcrossRestarts() throws Exception {
    assertFork(600, 700);
  }

  @Test
  void aSmallerOtherHistoryIsARollbackFork() throws Exception {
    assertFork(600, 400);
  }

  @Test
  void theSameSizeWithAnotherRootIsAFork() throws Exception {
    assertFork(500, 500);
  }

  private void assertFork(int sizeA, int sizeB) throws Exception {
    Path data = tmp.resolve("mirror");
    try (TestLog a = TestLog.start(tmp.resolve("a"));
        TestLog b = Logs.startWithKeyOf(tmp.resolve("a"), tmp.resolve("b"));
        SwitchProxy proxy = SwitchProxy.start(Logs.url(a))) {
      Logs.append(a, "history A", sizeA);
      Logs.append(b, "history B", sizeB);
      String vkey = a.server.verifierKey();
      assertEquals(vkey, b.server.verifierKey());
      byte[] noteA = a.get("/checkpoint").body();
      byte[] noteB = b.get("/checkpoint").body();
      try (TestMirror mirror = TestMirror.start(data, proxy.url(), vkey)) {
        assertEquals(sizeA, mirror.awaitSize(() -> sizeA));
        proxy.pointAt(Logs.url(b));
        assertEquals(Outcome.FORKED, mirror.server.pollNow());
        assertRefuses(mirror, noteA, noteB);
        // Once forked, the follower stops: pointing back at A changes nothing.
        proxy.pointAt(Logs.url(a));
        assertEquals(Outcome.FORKED, mirror.server.pollNow());
        assertRefuses(mirror, noteA, noteB);
      }
      try (TestMirror mirror = TestMirror.start(data, proxy.url(), vkey)) {
        assertRefuses(mirror, noteA, noteB);
      }
    }
  }

  private static void assertRefuses(TestMirror mirror, byte[] mirrored, byte[] upstream)
      throws Exception {
    for (String path : new String[] {"checkpoint", "tile/0/000.p/5", "tile/entries/000.p/5"}) {
      HttpResponse<byte[]> r = mirror.get(path);
      assertEquals(503, r.statusCode(), path);
      String body = new String(r.body(), StandardCharsets.UTF_8);
      assertTrue(body.contains("forked") && body.contains("/fork-evidence"), body);
    }
    String evidence = new String(mirror.get("fork-evidence").body(), StandardCharsets.UTF_8);
    assertTrue(evidence.contains(new String(mirrored, StandardCharsets.UTF_8)), evidence);
    assertTrue(evidence.contains(new String(upstream, StandardCharsets.UTF_8)), evidence);
    assertArrayEquals(mirrored, mirror.get("fork-evidence/mirrored").body());
    assertArrayEquals(upstream, mirror.get("fork-evidence/upstream").body());
    assertEquals(503, mirror.get("readyz").statusCode());
    assertEquals(1.0, mirror.metric("tlog_mirror_forked"));
  }

  @Test
  void anOlderCheckpointOfTheSameLogIsAStaleUpstreamNotAFork() throws Exception {
    try (TestLog log = TestLog.start(tmp.resolve("log"));
        SwitchProxy proxy = SwitchProxy.start(Logs.url(log))) {
      Logs.append(log, "old", 400);
      byte[] older = log.get("/checkpoint").body();
      Logs.append(log, "new", 500);
      try (TestMirror mirror =
          TestMirror.start(tmp.resolve("mirror"), proxy.url(), log.server.verifierKey())) {
        assertEquals(900, mirror.awaitSize(() -> 900));
        byte[] newer = mirror.get("checkpoint").body();
        proxy.pinCheckpoint(older);
        assertEquals(Outcome.UPSTREAM_BEHIND, mirror.server.pollNow());
        assertEquals(Outcome.UPSTREAM_BEHIND, mirror.server.pollNow());
        assertArrayEquals(newer, mirror.get("checkpoint").body());
        assertEquals(200, mirror.get("tile/entries/003.p/132").statusCode());
        assertEquals(2.0, mirror.metric("tlog_mirror_upstream_behind_total"));
        assertEquals(0.0, mirror.metric("tlog_mirror_forked"));
        assertEquals(200, mirror.get("readyz").statusCode());
      }
    }
  }

  @Test
  void aTamperedTileIsNotServedNotAForkAndCatchingUpResumes() throws Exception {
    try (TestLog log = TestLog.start(tmp.resolve("log"));
        SwitchProxy proxy = SwitchProxy.start(Logs.url(log))) {
      Logs.append(log, "first", 300);
      // A one-byte staging step: every verified object is written to LMDB before the failure.
      try (TestMirror mirror =
          TestMirror.start(tmp.resolve("mirror"), proxy.url(), log.server.verifierKey(), 1)) {
        assertEquals(300, mirror.awaitSize(() -> 300));
        Logs.append(log, "second", 300);
        for (String path : new String[] {"tile/entries/001", "tile/0/002.p/88", "tile/1/000.p/2"}) {
          proxy.tamper(path);
          double failures = mirror.metric("tlog_mirror_verify_failures_total");
          assertEquals(Outcome.VERIFY_FAILED, mirror.server.pollNow(), path);
          assertEquals(failures + 1, mirror.metric("tlog_mirror_verify_failures_total"), path);
          assertEquals(300, mirror.server.status().servedSize(), path);
          assertEquals(404, mirror.get(path).statusCode(), path);
          // Staged by the failed growth, verified, yet beyond the served checkpoint: not served.
          assertEquals(404, mirror.get("tile/entries/002.p/88").statusCode(), path);
          assertEquals(404, mirror.get("tile/0/001").statusCode(), path);
          assertEquals(0.0, mirror.metric("tlog_mirror_forked"), path);
        }
        proxy.tamper(null);
        assertEquals(Outcome.ADVANCED, mirror.server.pollNow());
        assertEquals(600, mirror.server.status().servedSize());
        assertArrayEquals(
            log.get("/tile/entries/002.p/88").body(), mirror.get("tile/entries/002.p/88").body());
      }
    }
  }
}
