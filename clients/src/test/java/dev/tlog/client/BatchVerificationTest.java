package dev.tlog.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.client.testing.LogServerProcess;
import dev.tlog.client.transport.GrpcLogSource;
import dev.tlog.client.transport.TileFetcher;
import dev.tlog.client.transport.TileLogSource;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipts of a batch and ranges of entries are verified together with O(1) proofs, against a real
 * server; a writer or source between it and the verifier tampers with one receipt or entry among
 * many, and every tampering is rejected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchVerificationTest {
  private static final int BATCH = 40;
  @TempDir static Path tmp;
  private LogServerProcess server;
  private GrpcLogSource grpc;
  private CountingSource counted;
  private VerifyingReader reader;
  private CheckpointTracker tracker;
  private final AtomicInteger batches = new AtomicInteger();

  @BeforeAll
  void start() throws Exception {
    server = LogServerProcess.start(tmp.resolve("data"), null);
    grpc = GrpcLogSource.connect(server.grpc(), RetryPolicy.defaults());
    counted = new CountingSource(grpc);
    reader =
        new VerifyingReader(
            counted, new CheckpointVerifier(LogIdentity.of(server.vkey(), null, List.of())));
    tracker = new CheckpointTracker(reader, null);
    new LogAppender(grpc.writer(), reader, tracker).appendBatch(entries(300));
  }

  @AfterAll
  void stop() {
    grpc.close();
    server.close();
  }

  @Test
  void aBatchIsVerifiedWithTwoProofsAtMost() {
    counted.proofs.set(0);
    List<AppendReceipt> rs = appender(UnaryOperator.identity()).appendBatch(entries(BATCH));
    assertEquals(BATCH, rs.size());
    for (int i = 1; i < BATCH; i++) {
      assertEquals(rs.get(0).index() + i, rs.get(i).index());
    }
    assertTrue(counted.proofs.get() <= 2, counted.proofs.get() + " proof calls");
  }

  @Test
  void aBatchWithDuplicatesIsVerified() {
    List<byte[]> first = entries(5);
    appender(UnaryOperator.identity()).appendBatch(first);
    List<byte[]> mixed = new ArrayList<>(entries(5));
    mixed.add(2, first.get(3));
    List<AppendReceipt> rs = appender(UnaryOperator.identity()).appendBatch(mixed);
    assertTrue(rs.get(2).duplicate());
  }

  @Test
  void oneWrongLeafHashAmongManyIsRejected() {
    for (int at : new int[] {0, BATCH / 2, BATCH - 1}) {
      rejects(at, a -> new AppendAck(a.index(), flip(a.leafHash()), a.chainHash(), false));
    }
  }

  @Test
  void oneWrongChainHashAmongManyIsRejected() {
    for (int at : new int[] {0, BATCH / 2, BATCH - 1}) {
      rejects(at, a -> new AppendAck(a.index(), a.leafHash(), flip(a.chainHash()), false));
    }
  }

  @Test
  void oneWrongIndexAmongManyIsRejected() {
    for (int at : new int[] {0, BATCH / 2, BATCH - 1}) {
      // An index inside the tree but not where the entry is.
      rejects(at, a -> new AppendAck(a.index() - 7, a.leafHash(), a.chainHash(), false));
    }
  }

  @Test
  void twoSwappedIndexesAreRejected() {
    UnaryOperator<AckBatch> swap =
        b -> {
          List<AppendAck> acks = new ArrayList<>(b.acks());
          AppendAck x = acks.get(10);
          AppendAck y = acks.get(11);
          acks.set(10, new AppendAck(y.index(), x.leafHash(), y.chainHash(), false));
          acks.set(11, new AppendAck(x.index(), y.leafHash(), x.chainHash(), false));
          return new AckBatch(b.checkpoint(), acks);
        };
    assertThrows(VerificationException.class, () -> appender(swap).appendBatch(entries(BATCH)));
  }

  @Test
  void aStreamAckWithAWrongChainHashFailsItsReceipt() {
    AtomicInteger seen = new AtomicInteger();
    LogWriter tampering =
        new TamperingWriter(grpc.writer(), UnaryOperator.identity()) {
          @Override
          public AppendStream openStream(AckListener l) {
            return super.openStream(
                new AckListener() {
                  @Override
                  public void onAck(AppendAck a, String cp) {
                    boolean bad = seen.getAndIncrement() == 17;
                    l.onAck(
                        bad
                            ? new AppendAck(a.index(), a.leafHash(), flip(a.chainHash()), false)
                            : a,
                        cp);
                  }

                  @Override
                  public void onEnd(TlogClientException e) {
                    l.onEnd(e);
                  }
                });
          }
        };
    List<CompletableFuture<AppendReceipt>> fs = new ArrayList<>();
    try (StreamingAppender s = new LogAppender(tampering, reader, tracker).openStream(64)) {
      for (byte[] e : entries(30)) {
        fs.add(s.submit(e));
      }
    }
    CompletionException e = assertThrows(CompletionException.class, () -> fs.get(17).join());
    assertTrue(e.getCause() instanceof VerificationException, e.getCause().toString());
  }

  @Test
  void rangesAreReadInPagesAndVerifiedWithTwoProofs() {
    VerifiedCheckpoint cp = reader.checkpoint();
    TileLogSource tiles = new TileLogSource(new TileFetcher(server.http(), RetryPolicy.defaults()));
    for (LogSource s : List.of(counted, new CountingSource(tiles))) {
      CountingSource c = s instanceof CountingSource cs ? cs : null;
      c.proofs.set(0);
      c.pages.set(0);
      VerifiedRange r = new VerifyingReader(c, reader.verifier()).entries(3, 290, cp);
      assertEquals(287, r.size());
      assertArrayEquals(("batch 0 entry 3").getBytes(StandardCharsets.UTF_8), r.data(0));
      assertTrue(c.proofs.get() <= 2, c.proofs.get() + " proof calls");
      assertTrue(c.pages.get() <= 3, c.pages.get() + " pages");
    }
  }

  @Test
  void aTamperedEntryInARangeIsRejected() {
    VerifiedCheckpoint cp = reader.checkpoint();
    for (long bad : new long[] {3, 100, 289}) {
      LogSource tampering =
          new CountingSource(grpc) {
            @Override
            public List<byte[]> entries(long start, long end, long treeSize) {
              List<byte[]> page = new ArrayList<>(super.entries(start, end, treeSize));
              if (bad >= start && bad < start + page.size()) {
                page.set((int) (bad - start), "forged".getBytes(StandardCharsets.UTF_8));
              }
              return page;
            }
          };
      VerifyingReader r = new VerifyingReader(tampering, reader.verifier());
      assertThrows(VerificationException.class, () -> r.entries(3, 290, cp), "entry " + bad);
    }
  }

  private void rejects(int at, UnaryOperator<AppendAck> tamper) {
    UnaryOperator<AckBatch> one =
        b -> {
          List<AppendAck> acks = new ArrayList<>(b.acks());
          acks.set(at, tamper.apply(acks.get(at)));
          return new AckBatch(b.checkpoint(), acks);
        };
    assertThrows(
        VerificationException.class,
        () -> appender(one).appendBatch(entries(BATCH)),
        "tampered receipt " + at);
  }

  private LogAppender appender(UnaryOperator<AckBatch> tamper) {
    return new LogAppender(new TamperingWriter(grpc.writer(), tamper), reader, tracker);
  }

  private List<byte[]> entries(int n) {
    int batch = batches.getAndIncrement();
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(("batch " + batch + " entry " + i).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Hash flip(Hash h) {
    byte[] b = h.bytes();
    b[0] ^= 1;
    return Hash.of(b);
  }

  /** Passes appends to a real writer and hands back what {@code tamper} makes of the answer. */
  private static class TamperingWriter implements LogWriter {
    private final LogWriter real;
    private final UnaryOperator<AckBatch> tamper;

    TamperingWriter(LogWriter real, UnaryOperator<AckBatch> tamper) {
      this.real = real;
      this.tamper = tamper;
    }

    @Override
    public AckBatch append(byte[] entry) {
      return tamper.apply(real.append(entry));
    }

    @Override
    public AckBatch appendBatch(List<byte[]> entries) {
      return tamper.apply(real.appendBatch(entries));
    }

    @Override
    public AppendStream openStream(AckListener listener) {
      return real.openStream(listener);
    }

    @Override
    public String describe() {
      return "tampering " + real.describe();
    }
  }

  /** Counts proof and page requests to a real source. */
  private static class CountingSource implements LogSource {
    final AtomicInteger proofs = new AtomicInteger();
    final AtomicInteger pages = new AtomicInteger();
    private final LogSource real;

    CountingSource(LogSource real) {
      this.real = real;
    }

    @Override
    public String latestCheckpoint() {
      return real.latestCheckpoint();
    }

    @Override
    public InclusionProof inclusionProof(long index, long treeSize) {
      proofs.incrementAndGet();
      return real.inclusionProof(index, treeSize);
    }

    @Override
    public InclusionProof inclusionProofByLeafHash(Hash leafHash, long treeSize) {
      proofs.incrementAndGet();
      return real.inclusionProofByLeafHash(leafHash, treeSize);
    }

    @Override
    public ConsistencyProof consistencyProof(long first, long second) {
      proofs.incrementAndGet();
      return real.consistencyProof(first, second);
    }

    @Override
    public List<byte[]> entries(long start, long end, long treeSize) {
      pages.incrementAndGet();
      return real.entries(start, end, treeSize);
    }

    @Override
    public String describe() {
      return real.describe();
    }
  }
}
