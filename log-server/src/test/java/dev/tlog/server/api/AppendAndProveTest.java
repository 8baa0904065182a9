package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.Entry;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.GetConsistencyProofRequest;
import dev.tlog.proto.v1.GetConsistencyProofResponse;
import dev.tlog.proto.v1.GetEntriesRequest;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.proto.v1.GetInclusionProofResponse;
import dev.tlog.server.testing.TestLog;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends through every RPC, then verifies every proof and the chain with the merkle library. */
class AppendAndProveTest {
  @TempDir Path dir;

  static byte[] data(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Checkpoint open(TestLog log, String note) {
    return Checkpoints.openSigned(
        note.getBytes(StandardCharsets.UTF_8),
        TestLog.ORIGIN,
        List.of(VerifierKeys.parse(log.server.verifierKey())));
  }

  static Hash hash(ByteString b) {
    return Hash.of(b.toByteArray());
  }

  @Test
  void everyAppendPathYieldsVerifiableProofsAndChain() throws Exception {
    Map<Long, AppendResponse> acks = Collections.synchronizedMap(new HashMap<>());
    try (TestLog log = TestLog.start(dir)) {
      // Unary.
      for (int i = 0; i < 20; i++) {
        AppendResponse r =
            log.blocking.append(
                AppendRequest.newBuilder()
                    .setData(ByteString.copyFrom(data("unary " + i)))
                    .build());
        acks.put(r.getIndex(), r);
      }
      // Batch.
      AppendBatchRequest.Builder batch = AppendBatchRequest.newBuilder();
      for (int i = 0; i < 30; i++) {
        batch.addEntries(ByteString.copyFrom(data("batch " + i)));
      }
      AppendBatchResponse batchReply = log.blocking.appendBatch(batch.build());
      assertFalse(batchReply.getCheckpoint().isEmpty(), "a batch reply carries its checkpoint");
      List<AppendResponse> batchAcks = new ArrayList<>();
      for (AppendResponse r : batchReply.getResultsList()) {
        assertTrue(r.getCheckpoint().isEmpty(), "the checkpoint is sent once per reply");
        batchAcks.add(r.toBuilder().setCheckpoint(batchReply.getCheckpoint()).build());
      }
      assertEquals(30, batchAcks.size());
      for (int i = 1; i < 30; i++) {
        assertEquals(
            batchAcks.get(i - 1).getIndex() + 1,
            batchAcks.get(i).getIndex(),
            "a batch is contiguous");
      }
      batchAcks.forEach(r -> acks.put(r.getIndex(), r));
      // Stream.
      List<AppendResponse> streamAcks = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Void> done = new CompletableFuture<>();
      StreamObserver<AppendRequest> stream =
          log.async.appendStream(
              new StreamObserver<>() {
                @Override
                public void onNext(AppendResponse r) {
                  streamAcks.add(r);
                }

                @Override
                public void onError(Throwable t) {
                  done.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                  done.complete(null);
                }
              });
      for (int i = 0; i < 500; i++) {
        stream.onNext(
            AppendRequest.newBuilder().setData(ByteString.copyFrom(data("stream " + i))).build());
      }
      stream.onCompleted();
      done.get(30, TimeUnit.SECONDS);
      assertEquals(500, streamAcks.size());
      // A stream ack carries the checkpoint only when it changed: the last one sent covers it.
      assertFalse(streamAcks.get(0).getCheckpoint().isEmpty());
      String lastSent = "";
      int sent = 0;
      for (int i = 0; i < 500; i++) {
        AppendResponse r = streamAcks.get(i);
        if (!r.getCheckpoint().isEmpty()) {
          assertNotEquals(lastSent, r.getCheckpoint(), "a checkpoint is not repeated");
          lastSent = r.getCheckpoint();
          sent++;
        }
        streamAcks.set(i, r.toBuilder().setCheckpoint(lastSent).build());
      }
      assertTrue(sent < 500, "grouped acks share their checkpoint");
      for (int i = 1; i < 500; i++) {
        assertTrue(
            streamAcks.get(i - 1).getIndex() < streamAcks.get(i).getIndex(),
            "stream acks in order");
      }
      streamAcks.forEach(r -> acks.put(r.getIndex(), r));
      // Concurrent unary.
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<AppendResponse>> fs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String s = "concurrent " + i;
        fs.add(
            pool.submit(
                () ->
                    log.blocking.append(
                        AppendRequest.newBuilder().setData(ByteString.copyFrom(data(s))).build())));
      }
      for (Future<AppendResponse> f : fs) {
        AppendResponse r = f.get(30, TimeUnit.SECONDS);
        acks.put(r.getIndex(), r);
      }
      pool.shutdown();

      assertEquals(750, acks.size(), "every ack has its own index");
      Checkpoint latest =
          open(
              log,
              log.blocking
                  .getCheckpoint(GetCheckpointRequest.getDefaultInstance())
                  .getCheckpoint());
      assertEquals(750, latest.size());

      // Every ack's inclusion proof verifies against the checkpoint it came with, and the latest.
      Map<Long, Checkpoint> checkpoints = new HashMap<>();
      for (AppendResponse r : acks.values()) {
        Checkpoint cp = open(log, r.getCheckpoint());
        checkpoints.put(cp.size(), cp);
        assertTrue(r.getIndex() < cp.size());
        assertEquals(TreeHasher.leafHash(dataOf(log, r.getIndex())), hash(r.getLeafHash()));
        for (Checkpoint against : List.of(cp, latest)) {
          GetInclusionProofResponse p =
              log.blocking.getInclusionProof(
                  GetInclusionProofRequest.newBuilder()
                      .setIndex(r.getIndex())
                      .setTreeSize(against.size())
                      .build());
          Proofs.checkInclusion(
              new InclusionProof(
                  r.getIndex(),
                  against.size(),
                  p.getHashesList().stream().map(AppendAndProveTest::hash).toList()),
              hash(r.getLeafHash()),
              against.root());
        }
        GetInclusionProofResponse byHash =
            log.blocking.getInclusionProof(
                GetInclusionProofRequest.newBuilder().setLeafHash(r.getLeafHash()).build());
        assertEquals(r.getIndex(), byHash.getIndex());
      }
      // Every consistency proof between any two returned checkpoints verifies.
      List<Checkpoint> sorted = new ArrayList<>(checkpoints.values());
      sorted.sort((a, b) -> Long.compare(a.size(), b.size()));
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i; j < sorted.size(); j += 1 + sorted.size() / 20) {
          Checkpoint a = sorted.get(i);
          Checkpoint b = sorted.get(j);
          GetConsistencyProofResponse p =
              log.blocking.getConsistencyProof(
                  GetConsistencyProofRequest.newBuilder()
                      .setFirst(a.size())
                      .setSecond(b.size())
                      .build());
          Proofs.checkConsistency(
              new ConsistencyProof(
                  a.size(),
                  b.size(),
                  p.getHashesList().stream().map(AppendAndProveTest::hash).toList()),
              a.root(),
              b.root());
        }
      }
      // The chain recomputed from GetEntries equals every checkpoint's chain head.
      Hash head = Hash.ZERO;
      long index = 0;
      Map<Long, Hash> heads = new HashMap<>();
      while (index < latest.size()) {
        Iterator<Entry> it =
            log.blocking.getEntries(
                GetEntriesRequest.newBuilder().setStart(index).setEnd(latest.size()).build());
        assertTrue(it.hasNext());
        while (it.hasNext()) {
          Entry e = it.next();
          assertEquals(index, e.getIndex());
          Hash leaf = TreeHasher.leafHash(e.getData().toByteArray());
          assertEquals(leaf, hash(e.getLeafHash()));
          head = HashChain.next(head, leaf);
          assertEquals(head, hash(e.getChainHash()));
          index++;
          heads.put(index, head);
        }
      }
      for (Checkpoint cp : checkpoints.values()) {
        assertEquals(
            heads.get(cp.size()),
            ChainHeadExtension.find(cp).orElseThrow(),
            "chain head at " + cp.size());
      }
      assertEquals(head, ChainHeadExtension.find(latest).orElseThrow());
    }
  }

  @Test
  void appendingTheSameBytesAgainReturnsTheExistingIndex() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      AppendRequest req =
          AppendRequest.newBuilder().setData(ByteString.copyFrom(data("once"))).build();
      AppendResponse first = log.blocking.append(req);
      log.blocking.append(
          AppendRequest.newBuilder().setData(ByteString.copyFrom(data("other"))).build());
      AppendResponse again = log.blocking.append(req);
      assertFalse(first.getDuplicate());
      assertTrue(again.getDuplicate());
      assertEquals(first.getIndex(), again.getIndex());
      assertEquals(first.getChainHash(), again.getChainHash());
      assertEquals(2, open(log, again.getCheckpoint()).size());
      // Inside one batch too.
      AppendBatchResponse reply =
          log.blocking.appendBatch(
              AppendBatchRequest.newBuilder()
                  .addEntries(ByteString.copyFrom(data("x")))
                  .addEntries(ByteString.copyFrom(data("x")))
                  .build());
      List<AppendResponse> rs = reply.getResultsList();
      assertEquals(rs.get(0).getIndex(), rs.get(1).getIndex());
      assertTrue(rs.get(1).getDuplicate());
      assertEquals(3, open(log, reply.getCheckpoint()).size());
    }
  }

  private static byte[] dataOf(TestLog log, long index) {
    return log.blocking
        .getEntries(GetEntriesRequest.newBuilder().setStart(index).setEnd(index + 1).build())
        .next()
        .getData()
        .toByteArray();
  }
}
