package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.HashTiles;
import dev.tlog.merkle.tile.TileHashReader;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileNotFoundException;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.testing.TestLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that knows only the C2SP specs mirrors and verifies the log from the HTTP endpoints:
 * checkpoint, verifier key, hash tiles and entry bundles.
 */
class TilesHttpTest {
  @TempDir Path dir;

  private static byte[] get(TestLog log, String path) {
    try {
      HttpResponse<byte[]> r = log.get(path);
      if (r.statusCode() == 404) {
        throw new TileNotFoundException(null, "404 for " + path);
      }
      assertEquals(200, r.statusCode(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void logCanBeMirroredAndVerifiedFromTilesAlone() throws Exception {
    int n = 256 * 3 + 17; // three full entry bundles and level-0 tiles, one partial
    try (TestLog log = TestLog.start(dir)) {
      for (int start = 0; start < n; start += 64) {
        AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
        for (int i = start; i < Math.min(n, start + 64); i++) {
          b.addEntries(ByteString.copyFromUtf8("entry " + i));
        }
        log.blocking.appendBatch(b.build());
      }
      String vkey = new String(get(log, "/vkey"), StandardCharsets.UTF_8).strip();
      byte[] note = get(log, "/checkpoint");
      Checkpoint cp =
          Checkpoints.openSigned(note, TestLog.ORIGIN, List.of(VerifierKeys.parse(vkey)));
      assertEquals(n, cp.size());

      TileHashReader tiles =
          new TileHashReader(t -> get(log, "/" + TilePaths.format(t)), cp.size());
      assertEquals(cp.root(), Proofs.treeRoot(cp.size(), tiles), "root rebuilt from tiles");

      List<Hash> leaves = new ArrayList<>();
      for (var bundle : TileMath.entryBundlesForSize(cp.size())) {
        for (byte[] e : EntryBundles.decode(bundle, get(log, "/" + TilePaths.format(bundle)))) {
          leaves.add(TreeHasher.leafHash(e));
        }
      }
      assertEquals(n, leaves.size());
      List<Hash> level0 = new ArrayList<>();
      for (TileId t : TileMath.tilesForSize(cp.size())) {
        if (t.level() == 0) {
          level0.addAll(HashTiles.decode(t, get(log, "/" + TilePaths.format(t))));
        }
      }
      assertEquals(leaves, level0, "entry bundles hash to the level-0 tiles");
    }
  }

  @Test
  void headersAndErrors() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
      for (int i = 0; i < 60; i++) {
        b.addEntries(ByteString.copyFromUtf8("e" + i));
      }
      log.blocking.appendBatch(b.build());
      log.blocking.appendBatch(
          b.clearEntries().addEntries(ByteString.copyFromUtf8("more")).build());
      // 61 entries: tile/0/000.p/61 exists; no full tile yet.
      HttpResponse<byte[]> partial = log.get("/tile/0/000.p/61");
      assertEquals(200, partial.statusCode());
      assertEquals(61 * 32, partial.body().length);
      assertEquals(
          "application/octet-stream", partial.headers().firstValue("Content-Type").orElseThrow());
      assertTrue(
          partial.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=10"));
      assertEquals(
          200, log.get("/tile/0/000.p/7").statusCode(), "narrower partial tile is a prefix");
      assertEquals(200, log.get("/tile/entries/000.p/61").statusCode());
      HttpResponse<byte[]> cp = log.get("/checkpoint");
      assertEquals("no-cache", cp.headers().firstValue("Cache-Control").orElseThrow());
      assertTrue(cp.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));

      for (String beyond :
          List.of("/tile/0/000", "/tile/0/000.p/62", "/tile/1/000.p/1", "/tile/entries/001.p/1")) {
        HttpResponse<byte[]> r = log.get(beyond);
        assertEquals(404, r.statusCode(), beyond);
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
      }
      for (String bad :
          List.of(
              "/tile/0/x000",
              "/tile/0/1",
              "/tile/0/000.p/0",
              "/tile/0/000.p/256",
              "/tile/x/000",
              "/tile/0/000/",
              "/tile/entries/000.p/01")) {
        HttpResponse<byte[]> r = log.get(bad);
        assertEquals(
            400, r.statusCode(), bad + ": " + new String(r.body(), StandardCharsets.UTF_8));
      }
    }
  }
}
