package dev.tlog.bench.micro;

import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.tile.NodeLocation;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.merkle.tile.TileRef;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** C2SP tile math: path parse and format, and locating a node's tile. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TileBench {
  private static final String PATH = "tile/0/x001/x234/067.p/3";
  private static final TileId TILE = TileId.full(1, 1_234_067);
  private static final long TREE_SIZE = 10_000_000_000L;

  private long node;

  @Benchmark
  public TileRef parsePath() {
    return TilePaths.parse(PATH);
  }

  @Benchmark
  public String formatPath() {
    return TilePaths.format(TILE);
  }

  @Benchmark
  public NodeLocation tileForNode() {
    node = (node + 7919) % 1_000_000_000L;
    return TileMath.tileForNode(new NodeId(3, node), TREE_SIZE);
  }
}
