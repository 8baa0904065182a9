package dev.tlog.server.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What clients were told across crashes, and the log as the test rebuilt it. Appenders record each
 * acknowledged entry and every checkpoint they saw (in acks or from WatchCheckpoints); after each
 * restart {@link #checkAfterRestart} reads the new entries, extends its own compact range and hash
 * chain with them, and checks that the server kept every promise: each acknowledged entry at its
 * index with its bytes, the recomputed root and chain head equal to the signed checkpoint's, and
 * every checkpoint ever seen a prefix of the log now (none was for a size that was lost).
 *
 * <p>Threading: {@link #acked} and {@link #observed} from any thread; {@link #checkAfterRestart}
 * only while no appender runs.
 */
final class AcknowledgedLog {
  private final String origin;
  private final NoteVerifier logKey;
  // A clock mark's canonical entry starts so (JCS orders "clock" before "format").
  private static final byte[] CLOCK_MARK = "{\"clock\":".getBytes(StandardCharsets.UTF_8);

  private final Map<Long, byte[]> acked = new ConcurrentHashMap<>();
  // size -> root of every checkpoint seen and not yet checked against the rebuilt log.
  private final ConcurrentSkipListMap<Long, Hash> observed = new ConcurrentSkipListMap<>();
  private final CompactRange tree = CompactRange.empty(0);
  private Hash chainHead = HashChain.initial();
  // Indexes of the entries read so far that are not ledger clock marks (spec/ledger.md).
  private final BitSet events = new BitSet();
  private long checkpointsSeen;

  AcknowledgedLog(String origin, NoteVerifier logKey) {
    this.origin = origin;
    this.logKey = logKey;
  }

  /** Entry {@code data} was acknowledged at {@code index} with {@code covering} (from its ack). */
  void acked(long index, byte[] data, Checkpoint covering) {
    byte[] before = acked.putIfAbsent(index, data);
    assertTrue(before == null, () -> "index " + index + " acknowledged twice");
    assertTrue(
        index < covering.size(),
        () -> "ack for index " + index + " carries a checkpoint for size " + covering.size());
  }

  /** A signed checkpoint a client saw: it must verify, and must never be lost. */
  Checkpoint observed(String note) {
    Checkpoint cp =
        Checkpoints.openSigned(note.getBytes(StandardCharsets.UTF_8), origin, List.of(logKey));
    Hash was = observed.putIfAbsent(cp.size(), cp.root());
    if (was == null) {
      synchronized (this) {
        checkpointsSeen++;
      }
    } else {
      assertEquals(was, cp.root(), "two checkpoints for size " + cp.size() + " disagree");
    }
    return cp;
  }

  /**
   * A log to check a restored backup against: it promises only {@code promised} (index → bytes, the
   * entries acknowledged before the backup began) and has seen no checkpoint.
   */
  static AcknowledgedLog promising(String origin, NoteVerifier logKey, Map<Long, byte[]> promised) {
    AcknowledgedLog log = new AcknowledgedLog(origin, logKey);
    log.acked.putAll(promised);
    return log;
  }

  /** The entries acknowledged so far (index → bytes), a copy. */
  Map<Long, byte[]> ackedSoFar() {
    return new HashMap<>(acked);
  }

  /**
   * Indexes of the verified entries that are not clock marks: in a ledger log, the events a query
   * for everything must return. A copy.
   */
  BitSet eventIndexes() {
    return (BitSet) events.clone();
  }

  long ackedCount() {
    return acked.size();
  }

  synchronized long checkpointsSeen() {
    return checkpointsSeen;
  }

  long verifiedSize() {
    return tree.end();
  }

  /** Reads entries the test has not verified yet and checks every promise; returns the size. */
  long checkAfterRestart(LogServiceGrpc.LogServiceBlockingStub log, String context) {
    String note = log.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getCheckpoint();
    Checkpoint cp =
        Checkpoints.openSigned(note.getBytes(StandardCharsets.UTF_8), origin, List.of(logKey));
    long size = cp.size();
    assertTrue(
        size >= tree.end(),
        () -> context + ": log shrank from " + tree.end() + " verified entries to " + size);
    long lastObserved = observed.isEmpty() ? 0 : observed.lastKey();
    assertTrue(
        lastObserved <= size,
        () -> context + ": a checkpoint for size " + lastObserved + " was seen, log is " + size);
    Hash seenAtStart = observed.remove(tree.end());
    if (seenAtStart != null) {
      assertEquals(seenAtStart, tree.root(), context + ": checkpoint seen for size " + tree.end());
    }
    while (tree.end() < size) {
      Iterator<Entry> page =
          log.getEntries(GetEntriesRequest.newBuilder().setStart(tree.end()).setEnd(size).build());
      while (page.hasNext()) {
        extend(page.next(), context);
      }
    }
    assertEquals(cp.root(), tree.root(), context + ": recomputed root vs signed checkpoint");
    assertEquals(
        ChainHeadExtension.find(cp).orElseThrow(),
        chainHead,
        context + ": recomputed chain head vs signed checkpoint");
    assertTrue(
        observed.headMap(size, true).isEmpty(),
        () -> context + ": checkpoints seen but not checked: " + observed.headMap(size, true));
    for (long index : acked.keySet()) {
      assertTrue(index < size, () -> context + ": acknowledged index " + index + " was lost");
    }
    return size;
  }

  private void extend(Entry e, String context) {
    long index = tree.end();
    assertEquals(index, e.getIndex(), context + ": GetEntries order");
    byte[] data = e.getData().toByteArray();
    byte[] promised = acked.get(index);
    if (promised != null) {
      assertArrayEquals(promised, data, context + ": bytes of acknowledged entry " + index);
    }
    if (!startsWith(data, CLOCK_MARK)) {
      events.set(Math.toIntExact(index));
    }
    Hash leaf = TreeHasher.leafHash(data);
    tree.append(leaf, (id, h) -> {});
    chainHead = HashChain.next(chainHead, leaf);
    Hash root = observed.remove(tree.end());
    if (root != null) {
      assertEquals(root, tree.root(), context + ": checkpoint seen for size " + tree.end());
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }
}
