package dev.tlog.server.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.integrate.Integrator;
import dev.tlog.server.storage.BatchWrite;
import dev.tlog.server.storage.LogReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Stat;

class LmdbLogStorageTest {
  private static final String ORIGIN = "example.com/log";
  private static final CheckpointSigner SIGNER =
      new CheckpointSigner(ORIGIN, new Ed25519NoteSigner(ORIGIN, new byte[32]));

  @TempDir Path dir;

  /** Builds the next batch of {@code count} entries of {@code entrySize} bytes over {@code s}. */
  private static BatchWrite batch(LmdbLogStorage s, int count, int entrySize) {
    SignedCheckpoint current;
    try (LogReader r = s.reader()) {
      current =
          r.size() == 0
              ? SIGNER.sign(0, TreeHasher.emptyRoot(), Hash.ZERO)
              : SIGNER.sign(
                  r.size(),
                  dev.tlog.merkle.proof.Proofs.treeRoot(r.size(), r),
                  r.chainHash(r.size() - 1));
    }
    Integrator integrator =
        new Integrator(s, SIGNER, new LeafIndex(), false, () -> Long.MAX_VALUE, null, current);
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] e = new byte[entrySize];
      byte[] label = ("entry-" + (current.size() + i)).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(label, 0, e, 0, Math.min(label.length, entrySize));
      entries.add(e);
    }
    integrator.add(dev.tlog.server.integrate.Submitted.opaque(entries));
    return integrator.seal().write().orElseThrow();
  }

  private static byte[] entry(long index, int size) {
    byte[] e = new byte[size];
    byte[] label = ("entry-" + index).getBytes(StandardCharsets.UTF_8);
    System.arraycopy(label, 0, e, 0, Math.min(label.length, size));
    return e;
  }

  @Test
  void appendsAreReadableAndSurviveReopen() {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, ORIGIN, 1 << 20)) {
      s.append(batch(s, 10, 16));
      s.append(batch(s, 300, 16));
    }
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, ORIGIN, 1 << 20);
        LogReader r = s.reader()) {
      assertEquals(310, r.size());
      Hash head = Hash.ZERO;
      for (int i = 0; i < 310; i++) {
        assertArrayEquals(entry(i, 16), r.entry(i));
        Hash leaf = TreeHasher.leafHash(entry(i, 16));
        assertEquals(leaf, r.leafHash(i));
        head = TreeHasher.concatHash(head, leaf);
        assertEquals(head, r.chainHash(i));
      }
      assertEquals(r.entries(250, 310).size(), 60);
      assertEquals(310, r.latestCheckpoint().orElseThrow().size());
      assertTrue(
          new String(r.latestCheckpoint().get().signedNote(), StandardCharsets.UTF_8)
              .contains("\n310\n"));
    }
  }

  @Test
  void readsBeyondSizeAreOutOfRange() {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "o", 1 << 20)) {
      s.append(batch(s, 3, 8));
      try (LogReader r = s.reader()) {
        assertThrows(OutOfRangeException.class, () -> r.entry(3));
        assertThrows(OutOfRangeException.class, () -> r.chainHash(-1));
        assertThrows(OutOfRangeException.class, () -> r.entries(2, 4));
        assertThrows(OutOfRangeException.class, () -> r.entryBundle(0, 4));
        assertThrows(OutOfRangeException.class, () -> r.hashTile(0, 0, 4));
        assertThrows(OutOfRangeException.class, () -> r.hashTile(1, 0, 1));
      }
    }
  }

  @Test
  void batchMustStartAtStoredSize() {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "o", 1 << 20)) {
      BatchWrite first = batch(s, 3, 8);
      s.append(first);
      StorageException e = assertThrows(StorageException.class, () -> s.append(first));
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
      for (int i = 0; i < 20; i++) {
        s.append(batch(s, 50, 4096));
      }
      assertTrue(s.mapSize() > first, "map should have grown from " + first);
      try (LogReader r = s.reader()) {
        assertEquals(1000, r.size());
        assertEquals(TreeHasher.leafHash(r.entry(999)), r.leafHash(999));
      }
    }
  }

  /**
   * lmdbjava 0.9.1's byte-array proxy let the garbage collector free the native copy of a key or
   * value while mdb_put still read it: a SIGSEGV under load. Storage now hands LMDB only memory it
   * keeps referenced; this drives many puts while other threads churn the heap and force
   * collections. Before the fix this crashed the test JVM.
   */
  @Test
  void putsSurviveGarbageCollectionPressure() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread allocator =
        new Thread(
            () -> {
              List<byte[]> keep = new ArrayList<>();
              while (!stop.get()) {
                keep.add(new byte[16 * 1024]);
                if (keep.size() > 256) {
                  keep.clear();
                }
              }
            });
    Thread collector =
        new Thread(
            () -> {
              while (!stop.get()) {
                System.gc();
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    List<Thread> churn = List.of(allocator, collector);
    churn.forEach(Thread::start);
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "o", 1 << 20)) {
      for (int i = 0; i < 150; i++) {
        s.append(batch(s, 1 + i % 37, 128));
        s.putCosignedCheckpoint(1, ("cosigned " + i).getBytes(StandardCharsets.UTF_8));
      }
      try (LogReader r = s.reader()) {
        long size = r.size();
        assertArrayEquals(entry(size - 1, 128), r.entry(size - 1));
        assertEquals(
            "cosigned 149",
            new String(r.cosignedCheckpoint().orElseThrow().signedNote(), StandardCharsets.UTF_8));
      }
    } finally {
      stop.set(true);
      for (Thread th : churn) {
        th.join();
      }
    }
  }

  /** The layout's footprint: entries of 128 bytes cost at most 200 bytes each beyond their data. */
  @Test
  void layoutStaysCompact() {
    int n = 20_000;
    try (LmdbLogStorage s = LmdbLogStorage.open(dir, "o", 64 << 20)) {
      for (int done = 0; done < n; done += 1000) {
        s.append(batch(s, 1000, 128));
      }
      long pages = 0;
      for (var db : List.of(s.bundles, s.chains, s.tiles, s.meta)) {
        try (var txn = s.env().txnRead()) {
          Stat st = db.stat(txn);
          pages += st.branchPages + st.leafPages + st.overflowPages;
        }
      }
      long bytesPerEntry = pages * s.env().stat().pageSize / n;
      assertTrue(bytesPerEntry <= 128 + 200, "stored bytes per 128-byte entry: " + bytesPerEntry);
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
        byte[] v = "tlog-lmdb/999".getBytes(StandardCharsets.UTF_8);
        s.meta.reserve(txn, LmdbLogStorage.META_FORMAT, v.length).put(v);
        txn.commit();
      }
    }
    StorageException e =
        assertThrows(StorageException.class, () -> LmdbLogStorage.open(dir, "o", 1 << 20));
    assertTrue(e.getMessage().contains("tlog-lmdb/999"), e.getMessage());
  }
}
