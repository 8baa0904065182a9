package dev.tlog.server.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.server.LogServer;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.testing.TestLog;
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
    try (TestLog log = TestLog.start(dir)) {
      for (int i = 0; i < n; i++) {
        log.blocking.append(
            AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("entry " + i)).build());
      }
      return log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint();
    }
  }

  /** Opens the log's LMDB directly and applies {@code edit} in one write transaction. */
  private void tamper(BiConsumer<LmdbLogStorage, Txn<byte[]>> edit) {
    try (LmdbLogStorage s = LmdbLogStorage.open(dir.resolve("log"), TestLog.ORIGIN, 1 << 20)) {
      try (Txn<byte[]> txn = s.env().txnWrite()) {
        edit.accept(s, txn);
        txn.commit();
      }
    }
  }

  private static void flip(Dbi<byte[]> db, Txn<byte[]> txn, byte[] key, int at) {
    byte[] v = db.get(txn, key).clone();
    v[at] ^= 0x01;
    db.put(txn, key, v);
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
    tamper((s, txn) -> flip(s.entries, txn, Keys.index(3), 0));
    String msg = refusal();
    assertTrue(msg.contains("entry 3"), msg);
  }

  @Test
  void flippedTreeNodeRefusesToStart() throws Exception {
    fill(10);
    tamper((s, txn) -> flip(s.nodes, txn, Keys.node(new NodeId(1, 2)), 7));
    String msg = refusal();
    assertTrue(msg.contains("tree node (1,2)"), msg);
  }

  @Test
  void flippedChainHashRefusesToStart() throws Exception {
    fill(10);
    tamper((s, txn) -> flip(s.chain, txn, Keys.index(6), 31));
    String msg = refusal();
    assertTrue(msg.contains("chain hash 6"), msg);
  }

  @Test
  void flippedCheckpointSignatureRefusesToStart() throws Exception {
    fill(10);
    tamper(
        (s, txn) -> {
          byte[] note = s.checkpoints.get(txn, Keys.index(10)).clone();
          int sigAt = new String(note, StandardCharsets.UTF_8).lastIndexOf(' ') + 20;
          note[sigAt] = (byte) (note[sigAt] == 'A' ? 'B' : 'A');
          s.checkpoints.put(txn, Keys.index(10), note);
        });
    String msg = refusal();
    assertTrue(msg.contains("checkpoint (size 10) does not verify"), msg);
  }

  @Test
  void committedButUnsignedSizeIsSignedOnStart() throws Exception {
    fill(10);
    tamper((s, txn) -> s.checkpoints.delete(txn, Keys.index(10)));
    try (TestLog log = TestLog.start(dir)) {
      assertEquals(
          10, log.blocking.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize());
    }
  }
}
