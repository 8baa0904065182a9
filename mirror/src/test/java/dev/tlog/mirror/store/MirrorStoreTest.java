package dev.tlog.mirror.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;

/** Real LMDB in a temp dir: positions, durability across reopen, map growth, format check. */
class MirrorStoreTest {
  @TempDir Path dir;

  @Test
  void objectsAreKeyedByPositionAndSurviveReopening() {
    byte[] note = "note\n".getBytes(StandardCharsets.UTF_8);
    try (MirrorStore s = MirrorStore.open(dir)) {
      assertTrue(s.servedNote().isEmpty());
      s.stage(Map.of(new TileId(0, 3, 10), new byte[] {1}));
      s.commit(
          Map.of(TileId.full(0, 3), new byte[] {2}, EntryBundleId.full(3), new byte[] {3}), note);
    }
    try (MirrorStore s = MirrorStore.open(dir)) {
      assertArrayEquals(note, s.servedNote().orElseThrow());
      // A later write at the same position, whatever its width, replaces the body.
      assertArrayEquals(new byte[] {2}, s.object(new TileId(0, 3, 1)).orElseThrow());
      assertArrayEquals(new byte[] {3}, s.object(new EntryBundleId(3, 7)).orElseThrow());
      assertTrue(s.object(TileId.full(1, 3)).isEmpty(), "level is part of the position");
      assertTrue(s.fork().isEmpty());
    }
  }

  @Test
  void forkEvidenceIsDurable() {
    ForkEvidence e = new ForkEvidence("a\n\n— sig\n", "b\n\n— sig\n", "same size, other root");
    try (MirrorStore s = MirrorStore.open(dir)) {
      s.recordFork(e);
    }
    try (MirrorStore s = MirrorStore.open(dir)) {
      assertEquals(e, s.fork().orElseThrow());
    }
  }

  @Test
  void aFullMapGrowsAndTheWriteIsRedone() {
    Map<TileRef, byte[]> big = new LinkedHashMap<>();
    for (int i = 0; i < 400; i++) {
      big.put(EntryBundleId.full(i), new byte[16 * 1024]);
    }
    try (MirrorStore s = MirrorStore.open(dir, 1 << 20)) {
      s.commit(big, "n\n".getBytes(StandardCharsets.UTF_8));
      assertEquals(16 * 1024, s.object(EntryBundleId.full(399)).orElseThrow().length);
    }
  }

  @Test
  void anotherFormatIsRefused() {
    try (Env<byte[]> env =
        Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(4).setMapSize(1 << 20).open(dir.toFile())) {
      Dbi<byte[]> meta = env.openDbi("meta", DbiFlags.MDB_CREATE);
      meta.put(
          "format".getBytes(StandardCharsets.UTF_8),
          "tlog-mirror-lmdb/0".getBytes(StandardCharsets.UTF_8));
    }
    StoreException e = assertThrows(StoreException.class, () -> MirrorStore.open(dir));
    assertTrue(e.getMessage().contains("tlog-mirror-lmdb/0"), e.getMessage());
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThrows(StoreException.class, () -> MirrorStore.open(file));
  }
}
