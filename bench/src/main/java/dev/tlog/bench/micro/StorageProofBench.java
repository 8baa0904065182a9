package dev.tlog.bench.micro;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.integrate.Integrator;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The server's read path without the network: an inclusion proof of a random entry read from the
 * log's own LMDB layout (tile strata, one read transaction per proof, as {@code LogReads} does), on
 * every core. The gap between this and {@code load.read.inclusion.*} is the transport's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StorageProofBench {
  @Param({"1000000", "10000000"})
  public long size;

  private Path dir;
  private LmdbLogStorage storage;

  @Setup(Level.Trial)
  public void fill() throws IOException {
    dir = Files.createTempDirectory("tlog-storage-bench");
    storage = LmdbLogStorage.open(dir, "bench/storage", 1L << 30);
    Ed25519NoteSigner key = new Ed25519NoteSigner("bench/storage", new byte[32]);
    CheckpointSigner signer = new CheckpointSigner("bench/storage", key);
    SignedCheckpoint empty = signer.sign(0, TreeHasher.emptyRoot(), Hash.ZERO);
    Integrator integrator =
        new Integrator(storage, signer, new LeafIndex(), false, () -> Long.MAX_VALUE, null, empty);
    SplittableRandom random = new SplittableRandom(1);
    for (long done = 0; done < size; ) {
      int n = (int) Math.min(8192, size - done);
      List<byte[]> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte[] e = new byte[128];
        random.nextBytes(e);
        entries.add(e);
      }
      integrator.add(dev.tlog.server.integrate.Submitted.opaque(entries));
      integrator.seal().write().ifPresent(storage::append);
      done += n;
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    storage.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Per-thread index source. */
  @State(Scope.Thread)
  public static class Indexes {
    final SplittableRandom random = new SplittableRandom();
  }

  @Benchmark
  @Threads(Threads.MAX)
  public InclusionProof inclusionFromLmdb(Indexes ix) {
    try (LogReader r = storage.reader()) {
      return Proofs.proveInclusion(ix.random.nextLong(size), size, r);
    }
  }
}
