package dev.tlog.server.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.storage.BatchWrite;
import dev.tlog.server.storage.LogReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmdbLogStorageTest {
  @TempDir Path dir;

  private static BatchWrite batch(long first, int count, int entrySize) {
    List<byte[]> entries = new ArrayList<>();
    List<Hash> leaves = new ArrayList<>();
    List<Hash> chain = new ArrayList<>();
    java.util.HashMap<NodeId, Hash> nodes = new java.util.HashMap<>();
    for (int i = 0; i < count; i++) {
      byte[] e = new byte[entrySize];
      byte[] label = ("entry-" + (first + i)).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(label, 0, e, 0, Math.min(label.length, entrySize));
      entries.add(e);
      Hash leaf = TreeHasher.leafHash(e);
      leaves.add(leaf);
      chain.add(TreeHasher.concatHash(Hash.ZERO, leaf));
      nodes.put(new NodeId(0, first + i), leaf);
    }
    return new BatchWrite(first, entries, leaves, chain, Map.copyOf(nodes));
  }

  @Test
  void appendsAreReadableAndSurviveReopen() {
    BatchWrite b = batch(0, 10, 16);
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "example.com/log", 1 << 20)) {
      s.append(b);
      s.putCheckpoint(10, "note".getBytes(StandardCharsets.UTF_8));
    }
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "example.com/log", 1 << 20);
        LogReader r = s.reader()) {
      assertEquals(10, r.size());
      for (int i = 0; i < 10; i++) {
        assertArrayEquals(b.entries().get(i), r.entry(i));
        assertEquals(b.chainHashes().get(i), r.chainHash(i));
        assertEquals(i, r.indexOf(b.leafHashes().get(i)).getAsLong());
      }
      assertEquals(b.leafHashes(), r.nodeRow(0, 0, 10));
      assertEquals(10, r.latestCheckpoint().orElseThrow().size());
      assertTrue(r.checkpoint(9).isEmpty());
    }
  }

  @Test
  void readsBeyondSizeAreOutOfRange() {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "o", 1 << 20)) {
      s.append(batch(0, 3, 8));
      try (LogReader r = s.reader()) {
        assertThrows(OutOfRangeException.class, () -> r.entry(3));
        assertThrows(OutOfRangeException.class, () -> r.chainHash(-1));
        assertThrows(OutOfRangeException.class, () -> r.entries(2, 4));
      }
    }
  }

  @Test
  void batchMustStartAtStoredSize() {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "o", 1 << 20)) {
      s.append(batch(0, 3, 8));
      StorageException e = assertThrows(StorageException.class, () -> s.append(batch(5, 1, 8)));
      assertTrue(e.getMessage().contains("stored size is 3"), e.getMessage());
      try (LogReader r = s.reader()) {
        assertEquals(3, r.size());
      }
    }
  }

  @Test
  void mapGrowsWhenFull() {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "o", 256 * 1024)) {
      long first = s.mapSize();
      long next = 0;
      for (int i = 0; i < 20; i++) {
        s.append(batch(next, 50, 4096));
        next += 50;
      }
      assertTrue(s.mapSize() > first, "map should have grown from " + first);
      try (LogReader r = s.reader()) {
        assertEquals(1000, r.size());
        assertEquals(TreeHasher.leafHash(r.entry(999)), r.nodeRow(0, 999, 1).get(0));
      }
    }
  }

  @Test
  void originMismatchRefusesToOpen() {
    LmdbLogStorage.open(dir, "a.example/log", 1 << 20).close();
    StorageException e =
        assertThrows(
            StorageException.class, () -> LmdbLogStorage.open(dir, "b.example/log", 1 << 20));
    assertTrue(e.getMessage().contains("a.example/log"), e.getMessage());
  }

  @Test
  void formatMismatchRefusesToOpen() {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "o", 1 << 20)) {
      try (var txn = s.env().txnWrite()) {
        s.meta.put(
            txn, LmdbLogStorage.META_FORMAT, "tlog-lmdb/999".getBytes(StandardCharsets.UTF_8));
        txn.commit();
      }
    }
    StorageException e =
        assertThrows(StorageException.class, () -> LmdbLogStorage.open(dir, "o", 1 << 20));
    assertTrue(e.getMessage().contains("tlog-lmdb/999"), e.getMessage());
  }
}
