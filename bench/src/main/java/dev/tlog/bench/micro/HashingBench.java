package dev.tlog.bench.micro;

import dev.tlog.bench.tree.ArrayHashTree;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** RFC 6962 leaf hash of a 128-byte entry and node hash of two children (one SHA-256 each). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashingBench {
  private byte[] entry;
  private Hash left;
  private Hash right;

  @Setup
  public void setUp() {
    entry = ArrayHashTree.entry(42);
    left = TreeHasher.leafHash(ArrayHashTree.entry(1));
    right = TreeHasher.leafHash(ArrayHashTree.entry(2));
  }

  @Benchmark
  public Hash leafHash128() {
    return TreeHasher.leafHash(entry);
  }

  @Benchmark
  public Hash nodeHash() {
    return TreeHasher.nodeHash(left, right);
  }
}
