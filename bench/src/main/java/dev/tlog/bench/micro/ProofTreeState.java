package dev.tlog.bench.micro;

import dev.tlog.bench.tree.ArrayHashTree;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.Proofs;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A tree of {@code size} 128-byte entries, plus a fixed sample of leaf indexes and of older tree
 * sizes with their roots, so that benchmarks draw varied inputs without computing them in the
 * measured code.
 */
@State(Scope.Benchmark)
public class ProofTreeState {
  static final int SAMPLES = 1024;

  @Param({"1000", "1000000"})
  public int size;

  ArrayHashTree tree;
  long[] indexes;
  long[] oldSizes;
  Hash[] oldRoots;

  @Setup
  public void setUp() {
    tree = ArrayHashTree.build(size, ArrayHashTree::entry);
    SplittableRandom random = new SplittableRandom(size);
    indexes = new long[SAMPLES];
    oldSizes = new long[SAMPLES];
    oldRoots = new Hash[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      indexes[i] = random.nextLong(size);
      oldSizes[i] = 1 + random.nextLong(size - 1);
      oldRoots[i] = Proofs.treeRoot(oldSizes[i], tree);
    }
  }
}
