package dev.tlog.merkle.tile;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.proof.HashNotFoundException;
import dev.tlog.merkle.proof.HashReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link HashReader} over the tiles of one tree size: with it, inclusion and consistency proofs
 * and the root are computed from tiles alone.
 *
 * <p>Each node at tree level {@code l} is read from the tile at level {@code l / 8} as published
 * for this tree size; nodes between tile levels are hashed from the {@code 2^(l % 8)} stored hashes
 * below them. Within one {@link #readHashes} call each tile is fetched at most once.
 *
 * <p>The hashes are as the source served them: this reader checks body lengths, not contents. Trust
 * comes from checking the proofs or root they produce against a verified checkpoint.
 *
 * <p>Thread-safe if the source is: the reader keeps no state between calls.
 */
public final class TileHashReader implements HashReader {
  private final TileSource source;
  private final long treeSize;

  public TileHashReader(TileSource source, long treeSize) {
    if (source == null) {
      throw new IllegalArgumentException("tile source is required");
    }
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size must be >= 0, got " + treeSize);
    }
    this.source = source;
    this.treeSize = treeSize;
  }

  /** The tree size whose tiles this reader reads. */
  public long treeSize() {
    return treeSize;
  }

  /**
   * The hashes of {@code ids}, in order. Throws {@link HashNotFoundException} (before fetching
   * anything) if a node is not complete in this tree size, or if the source lacks a needed tile;
   * {@link TileFormatException} if a tile body has the wrong length.
   */
  @Override
  public List<Hash> readHashes(List<NodeId> ids) {
    for (NodeId id : ids) {
      if (!TileMath.isComplete(id, treeSize)) {
        throw new HashNotFoundException(
            "node "
                + id
                + " covers leaves ["
                + id.firstLeaf()
                + ", "
                + Long.toUnsignedString(id.endLeaf())
                + "), beyond tree size "
                + treeSize);
      }
    }
    Map<TileId, byte[]> bodies = new HashMap<>();
    List<Hash> hashes = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      NodeLocation loc = TileMath.tileForNode(id, treeSize);
      byte[] body = bodies.computeIfAbsent(loc.tile(), this::fetch);
      hashes.add(HashTiles.subtreeHash(body, loc.offset(), loc.count()));
    }
    return Collections.unmodifiableList(hashes);
  }

  private byte[] fetch(TileId tile) {
    byte[] body;
    try {
      body = source.read(tile);
    } catch (TileNotFoundException e) {
      throw new HashNotFoundException(
          "tile " + tile + " needed for tree size " + treeSize + " not found: " + e.getMessage());
    }
    if (body == null) {
      throw new HashNotFoundException(
          "tile source returned no body for " + tile + " (tree size " + treeSize + ")");
    }
    HashTiles.checkLength(tile, body);
    return body;
  }
}
