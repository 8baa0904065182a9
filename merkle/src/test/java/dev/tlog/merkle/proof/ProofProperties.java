package dev.tlog.merkle.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.testing.CountingReader;
import dev.tlog.merkle.testing.NaiveTree;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random sizes beyond the exhaustive tests; the container (and its tree) is built per property. */
class ProofProperties {
  private static final int MAX = 3000;
  private final NaiveTree naive = new NaiveTree(NaiveTree.leafHashes(MAX));
  private final MemoryHashStore store = MemoryHashStore.of(NaiveTree.leafHashes(MAX));

  @Property(tries = 200)
  void inclusionMatchesNaivePathAndVerifies(
      @ForAll @IntRange(min = 65, max = MAX) int n, @ForAll @IntRange(min = 0, max = MAX) int i) {
    int index = i % n;
    CountingReader reader = new CountingReader(store);
    InclusionProof p = Proofs.proveInclusion(index, n, reader);
    assertEquals(naive.path(index, n), p.hashes());
    assertEquals(1, reader.calls());
    Proofs.checkInclusion(p, naive.leaf(index), naive.mth(0, n));
  }

  @Property(tries = 200)
  void consistencyMatchesNaiveProofAndVerifies(
      @ForAll @IntRange(min = 65, max = MAX) int n, @ForAll @IntRange(min = 1, max = MAX) int m0) {
    int m = 1 + (m0 - 1) % (n - 1);
    CountingReader reader = new CountingReader(store);
    ConsistencyProof p = Proofs.proveConsistency(m, n, reader);
    assertEquals(naive.proof(m, n), p.hashes());
    assertEquals(1, reader.calls());
    Proofs.checkConsistency(p, naive.mth(0, m), naive.mth(0, n));
  }

  @Property
  void proofsOfHugeTreesReadLogarithmicallyManyCompleteNodesOnce(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long n,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long x) {
    long index = x % n;
    List<NodeId> requested = new ArrayList<>();
    HashReader fake =
        ids -> {
          requested.addAll(ids);
          List<Hash> out = new ArrayList<>();
          for (NodeId id : ids) {
            assertTrue(id.endLeaf() > 0 && id.endLeaf() <= n, id + " beyond " + n);
            byte[] b = new byte[Hash.SIZE];
            ByteBuffer.wrap(b).putInt(id.level()).putLong(id.index());
            out.add(Hash.of(b));
          }
          return out;
        };
    int bits = 64 - Long.numberOfLeadingZeros(n);
    CountingReader reader = new CountingReader(fake);
    InclusionProof p = Proofs.proveInclusion(index, n, reader);
    assertEquals(Proofs.inclusionProofSize(index, n), p.hashes().size());
    assertTrue(reader.calls() <= 1 && reader.nodes() <= 2 * bits, "nodes " + reader.nodes());

    long m = index + 1;
    CountingReader reader2 = new CountingReader(fake);
    ConsistencyProof c = Proofs.proveConsistency(m, n, reader2);
    assertEquals(Proofs.consistencyProofSize(m, n), c.hashes().size());
    assertTrue(reader2.calls() <= 1 && reader2.nodes() <= 2 * bits + 1, "nodes " + reader2.nodes());
  }
}
