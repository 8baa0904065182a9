package dev.tlog.mirror.verify;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.HashTiles;
import dev.tlog.merkle.tile.TileHashReader;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileRef;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies the objects that growing the mirrored tree from {@code oldSize} (already verified and
 * stored) to a signed checkpoint's size adds (spec/mirror.md, "Verification"): for each tile of
 * {@link TileMath#newTiles} in level order, fetched at the new width,
 *
 * <ul>
 *   <li>level 0: every entry of the bundle has the RFC 9162 leaf hash the tile holds at its place;
 *   <li>higher levels: every hash that is new at this size is the hash of the full tile below;
 *   <li>a tile or bundle that was partial at {@code oldSize} starts with exactly the stored bytes;
 * </ul>
 *
 * and finally the root computed from the tiles of the new size is the checkpoint's. Verified
 * objects are handed to the {@link ObjectSink} whenever more than {@code stepBytes} are held, so
 * memory stays bounded; the rest is returned for the caller to commit with the checkpoint. Nothing
 * staged is served before that commit, because the mirror serves objects only up to the served
 * checkpoint's widths.
 */
public final class GrowthVerifier {
  /** Staging threshold when catching up: at most this many verified bytes are held in memory. */
  public static final long DEFAULT_STEP_BYTES = 32L << 20;

  private final ObjectReader stored;
  private final ObjectFetcher upstream;
  private final ObjectSink sink;
  private final long stepBytes;

  public GrowthVerifier(
      ObjectReader stored, ObjectFetcher upstream, ObjectSink sink, long stepBytes) {
    if (stepBytes < 1) {
      throw new IllegalArgumentException("step must be >= 1 byte, got " + stepBytes);
    }
    this.stored = stored;
    this.upstream = upstream;
    this.sink = sink;
    this.stepBytes = stepBytes;
  }

  /**
   * Verifies the growth from {@code oldSize} to {@code next}; returns the verified objects not yet
   * staged (keyed by position, as full-width refs). Throws {@link VerificationFailedException} on
   * the first object that does not verify.
   */
  public Map<TileRef, byte[]> verify(long oldSize, Checkpoint next) {
    if (oldSize < 0 || oldSize >= next.size()) {
      throw new IllegalArgumentException(
          "growth needs 0 <= old size < new size, got " + oldSize + " -> " + next.size());
    }
    Pending pending = new Pending();
    try {
      for (TileId t : TileMath.newTiles(oldSize, next.size())) {
        if (t.level() == 0) {
          verifyLeaves(t, oldSize, pending);
        } else {
          verifyInner(t, oldSize, pending);
        }
        if (pending.bytes >= stepBytes) {
          sink.stage(pending.bodies);
          pending.clear();
        }
      }
      TileHashReader tiles =
          new TileHashReader(
              tile -> Prefixes.hashTile(read(tile, pending), tile.width()), next.size());
      Hash root = Proofs.treeRoot(next.size(), tiles);
      if (!root.equals(next.root())) {
        throw new VerificationFailedException(
            "root mismatch: the tiles of size "
                + next.size()
                + " give "
                + root
                + ", the checkpoint says "
                + next.root());
      }
    } catch (MerkleException e) {
      throw new VerificationFailedException(
          "growth " + oldSize + " -> " + next.size() + ": " + e.getMessage(), e);
    }
    return pending.bodies;
  }

  private void verifyLeaves(TileId tile, long oldSize, Pending pending) {
    EntryBundleId bundle = new EntryBundleId(tile.index(), tile.width());
    byte[] tileBody = upstream.fetch(tile);
    List<Hash> hashes = HashTiles.decode(tile, tileBody);
    byte[] bundleBody = upstream.fetch(bundle);
    List<byte[]> entries = EntryBundles.decode(bundle, bundleBody);
    for (int i = 0; i < entries.size(); i++) {
      Hash leaf = TreeHasher.leafHash(entries.get(i));
      if (!leaf.equals(hashes.get(i))) {
        throw new VerificationFailedException(
            "entry "
                + (tile.index() * TileMath.FULL_WIDTH + i)
                + " of "
                + bundle.path()
                + " has leaf hash "
                + leaf
                + ", "
                + tile.path()
                + " holds "
                + hashes.get(i));
      }
    }
    int oldWidth = TileMath.widthAt(0, tile.index(), oldSize);
    checkPrefix(tile, tileBody, oldWidth);
    checkPrefix(bundle, bundleBody, oldWidth);
    pending.put(TileId.full(0, tile.index()), tileBody);
    pending.put(EntryBundleId.full(tile.index()), bundleBody);
  }

  private void verifyInner(TileId tile, long oldSize, Pending pending) {
    byte[] body = upstream.fetch(tile);
    List<Hash> hashes = HashTiles.decode(tile, body);
    int oldWidth = TileMath.widthAt(tile.level(), tile.index(), oldSize);
    checkPrefix(tile, body, oldWidth);
    for (int j = oldWidth; j < tile.width(); j++) {
      TileId below = TileId.full(tile.level() - 1, tile.index() * TileMath.FULL_WIDTH + j);
      Hash computed =
          HashTiles.subtreeHash(
              Prefixes.hashTile(read(below, pending), TileMath.FULL_WIDTH), 0, TileMath.FULL_WIDTH);
      if (!computed.equals(hashes.get(j))) {
        throw new VerificationFailedException(
            "hash "
                + j
                + " of "
                + tile.path()
                + " is "
                + hashes.get(j)
                + ", the hash of "
                + below.path()
                + " is "
                + computed);
      }
    }
    pending.put(TileId.full(tile.level(), tile.index()), body);
  }

  // The part of an object that the served size already covers must not change.
  private void checkPrefix(TileRef ref, byte[] body, int oldWidth) {
    if (oldWidth == 0) {
      return;
    }
    byte[] had = storedPrefix(ref, oldWidth);
    byte[] got =
        ref instanceof TileId
            ? Prefixes.hashTile(body, oldWidth)
            : Prefixes.entryBundle(body, oldWidth);
    if (!Arrays.equals(had, got)) {
      throw new VerificationFailedException(
          ref.path()
              + " contradicts the mirrored log: its first "
              + oldWidth
              + " items differ from those stored");
    }
  }

  private byte[] storedPrefix(TileRef ref, int width) {
    TileRef at =
        ref instanceof TileId t
            ? new TileId(t.level(), t.index(), width)
            : new EntryBundleId(ref.index(), width);
    return new StoredTree(stored).read(at);
  }

  private byte[] read(TileId tile, Pending pending) {
    byte[] held = pending.bodies.get(TileId.full(tile.level(), tile.index()));
    if (held != null) {
      return held;
    }
    Optional<byte[]> body = stored.widest(tile);
    return body.orElseThrow(
        () -> new VerificationFailedException("no verified body for " + tile.path()));
  }

  private static final class Pending {
    final Map<TileRef, byte[]> bodies = new LinkedHashMap<>();
    long bytes;

    void put(TileRef at, byte[] body) {
      bodies.put(at, body);
      bytes += body.length;
    }

    void clear() {
      bodies.clear();
      bytes = 0;
    }
  }
}
