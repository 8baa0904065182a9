package dev.tlog.bench.micro;

import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * RFC 9162 inclusion and consistency proofs over an in-memory tree: the server's work (prove) plus
 * the client's (check against the root). A failed check throws, which would abort the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProofBench {
  private int next;

  private int sample() {
    next = (next + 1) & (ProofTreeState.SAMPLES - 1);
    return next;
  }

  @Benchmark
  public InclusionProof inclusionProveCheck(ProofTreeState s) {
    long index = s.indexes[sample()];
    InclusionProof proof = Proofs.proveInclusion(index, s.tree.size(), s.tree);
    Proofs.checkInclusion(proof, s.tree.leaf(index), s.tree.root());
    return proof;
  }

  @Benchmark
  public ConsistencyProof consistencyProveCheck(ProofTreeState s) {
    int i = sample();
    ConsistencyProof proof = Proofs.proveConsistency(s.oldSizes[i], s.tree.size(), s.tree);
    Proofs.checkConsistency(proof, s.oldRoots[i], s.tree.root());
    return proof;
  }
}
