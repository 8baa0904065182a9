package dev.tlog.server.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.server.LogServer;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.testing.TestLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/** Restarts on the same data directory, and tampering with LMDB directly between runs. */
class RestartAndTamperTest {
  @TempDir Path dir;

  private String fill(int n) throws Exception {
    return fill(0, n);
  }

  /** Appends "entry from" .. "entry (from + n - 1)" and returns the latest checkpoint. */
  private String fill(int from, int n) throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      for (int i = from; i < from + n; i++) {
        log.blocking.append(
            AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("entry " + i)).build());
      }
      return log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint();
    }
  }

  /** Opens the log's LMDB directly and applies {@code edit} in one write transaction. */
  private void tamper(BiConsumer<LmdbLogStorage, Txn<ByteBuffer>> edit) {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir.resolve("log"), TestLog.ORIGIN, 1 << 20)) {
      try (Txn<ByteBuffer> txn = s.env().txnWrite()) {
        edit.accept(s, txn);
        txn.commit();
      }
    }
  }

  private static ByteBuffer key(long index) {
    return Keys.index(Keys.allocate(), index);
  }

  private static void flip(Dbi<ByteBuffer> db, Txn<ByteBuffer> txn, ByteBuffer key, int at) {
    byte[] v = Keys.bytes(db.get(txn, key));
    v[at] ^= 0x01;
    db.reserve(txn, key, v.length).put(v);
  }

  private String refusal() {
    StateMismatchException e =
        assertThrows(
            StateMismatchException.class, () -> LogServer.start(TestLog.config(dir)).close());
    return e.getMessage();
  }

  @Test
  void restartKeepsStateAndAppendsContinue() throws Exception {
    String before = fill(37);
    try (TestLog log = TestLog.start(dir)) {
      assertEquals(
          before,
          log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint());
      AppendResponse next =
          log.blocking.append(
              AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("after restart")).build());
      assertEquals(37, next.getIndex());
    }
    try (TestLog log = TestLog.start(dir)) {
      assertEquals(
          38, log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize());
    }
  }

  @Test
  void flippedEntryByteRefusesToStart() throws Exception {
    fill(10);
    // "entry 0" .. "entry 9" are 7 bytes, each after a 2-byte length: entry 3 starts at 3 * 9 + 2.
    tamper((s, txn) -> flip(s.bundles, txn, key(0), 3 * 9 + 2));
    String msg = refusal();
    assertTrue(msg.contains("entry 3"), msg);
  }

  @Test
  void flippedTreeNodeRefusesToStart() throws Exception {
    fill(10);
    // Node (1, 2) is hash 2 of row 1, after the 10 hashes of row 0.
    tamper(
        (s, txn) -> flip(s.tiles, txn, Keys.tile(Keys.allocate(), 0, 0), (10 + 2) * Hash.SIZE + 7));
    String msg = refusal();
    assertTrue(msg.contains("hash tile 0/0 disagrees at hash 12"), msg);
  }

  @Test
  void flippedChainHashRefusesToStart() throws Exception {
    fill(10);
    tamper((s, txn) -> flip(s.chains, txn, key(0), 6 * Hash.SIZE + 31));
    String msg = refusal();
    assertTrue(msg.contains("chain hash 6"), msg);
  }

  @Test
  void flippedCheckpointSignatureRefusesToStart() throws Exception {
    fill(10);
    tamper(
        (s, txn) -> {
          byte[] note = Keys.bytes(s.meta.get(txn, LmdbLogStorage.META_CHECKPOINT));
          int sigAt = new String(note, StandardCharsets.UTF_8).lastIndexOf(' ') + 20;
          note[sigAt] = (byte) (note[sigAt] == 'A' ? 'B' : 'A');
          s.meta.reserve(txn, LmdbLogStorage.META_CHECKPOINT, note.length).put(note);
        });
    String msg = refusal();
    assertTrue(msg.contains("stored checkpoint does not verify"), msg);
  }

  @Test
  void entriesWithoutTheirCheckpointRefuseToStart() throws Exception {
    // The checkpoint is committed with its batch, so a missing one is damage, never a crash.
    fill(10);
    tamper((s, txn) -> s.meta.delete(txn, LmdbLogStorage.META_CHECKPOINT));
    String msg = refusal();
    assertTrue(msg.contains("10 entries are stored without a checkpoint"), msg);
  }

  @Test
  void checkpointForAnotherSizeRefusesToStart() throws Exception {
    fill(3);
    byte[][] old = new byte[1][];
    tamper((s, txn) -> old[0] = Keys.bytes(s.meta.get(txn, LmdbLogStorage.META_CHECKPOINT)));
    fill(3, 2);
    tamper(
        (s, txn) -> s.meta.reserve(txn, LmdbLogStorage.META_CHECKPOINT, old[0].length).put(old[0]));
    String msg = refusal();
    assertTrue(msg.contains("stored checkpoint is for size 3 but 5 entries are stored"), msg);
  }
}
