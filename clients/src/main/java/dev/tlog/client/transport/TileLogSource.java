package dev.tlog.client.transport;

import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogSource;
import dev.tlog.client.VerificationException;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.HashNotFoundException;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.FallbackTileSource;
import dev.tlog.merkle.tile.TileHashReader;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link LogSource} over the C2SP tlog-tiles HTTP API: works from the log itself, a static mirror
 * or a cache. Proofs are computed locally from hash tiles with {@link TileHashReader}; they are
 * only as good as the verification that follows. Looking entries up by leaf hash is not possible
 * over tiles.
 */
public final class TileLogSource implements LogSource {
  private final TileFetcher http;
  private final TileSource tiles;

  public TileLogSource(TileFetcher http) {
    this.http = http;
    this.tiles = new FallbackTileSource(http::find, http.base());
  }

  @Override
  public String latestCheckpoint() {
    return new String(http.get("checkpoint"), StandardCharsets.UTF_8);
  }

  @Override
  public InclusionProof inclusionProof(long index, long treeSize) {
    if (index < 0 || index >= treeSize) {
      throw new LogRequestException(
          "OUT_OF_RANGE", "index " + index + " is not below tree size " + treeSize, null);
    }
    return fromTiles(
        "inclusion proof of " + index + " in " + treeSize,
        () -> Proofs.proveInclusion(index, treeSize, reader(treeSize)));
  }

  @Override
  public InclusionProof inclusionProofByLeafHash(Hash leafHash, long treeSize) {
    throw new LogRequestException(
        "UNSUPPORTED",
        "the tiles API cannot look up an entry by leaf hash; use --grpc or give the index",
        null);
  }

  @Override
  public ConsistencyProof consistencyProof(long first, long second) {
    if (first < 0 || first > second) {
      throw new LogRequestException(
          "INVALID_ARGUMENT", "consistency from " + first + " to " + second, null);
    }
    return fromTiles(
        "consistency proof " + first + " -> " + second,
        () -> Proofs.proveConsistency(first, second, reader(second)));
  }

  @Override
  public List<byte[]> entries(long start, long end, long treeSize) {
    if (start < 0 || start >= Math.min(end, treeSize)) {
      throw new LogRequestException(
          "OUT_OF_RANGE",
          "entries [" + start + ", " + end + ") are not within tree size " + treeSize,
          null);
    }
    EntryBundleId bundle = TileMath.bundleForEntry(start, treeSize);
    byte[] body = http.get(bundle.path());
    List<byte[]> all;
    try {
      all = EntryBundles.decode(bundle, body);
    } catch (MerkleException e) {
      throw new VerificationException(bundle.path() + ": " + e.getMessage(), e);
    }
    long first = bundle.index() * TileMath.FULL_WIDTH;
    int from = (int) (start - first);
    int to = (int) (Math.min(Math.min(end, treeSize), first + bundle.width()) - first);
    return all.subList(from, to);
  }

  @Override
  public String describe() {
    return "tiles " + http.base();
  }

  private TileHashReader reader(long treeSize) {
    return new TileHashReader(tiles, treeSize);
  }

  private static <T> T fromTiles(String what, Supplier<T> f) {
    try {
      return f.get();
    } catch (HashNotFoundException e) {
      throw new LogRequestException("NOT_FOUND", what + ": " + e.getMessage(), e);
    } catch (MerkleException e) {
      throw new VerificationException(what + ": " + e.getMessage(), e);
    }
  }
}
