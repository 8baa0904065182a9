package dev.tlog.mirror.verify;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileHashReader;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileNotFoundException;
import dev.tlog.merkle.tile.TileRef;
import dev.tlog.merkle.tile.TileSource;

/**
 * The tree the mirror stores, read at any size up to the served one: tile bodies cut to the width
 * that size gives them, and roots computed from them (RFC 9162 §2.1.1 over the tiles).
 */
public final class StoredTree {
  private final ObjectReader stored;

  public StoredTree(ObjectReader stored) {
    this.stored = stored;
  }

  /** The root of the tree's first {@code size} leaves; needs every tile of that size stored. */
  public Hash rootAt(long size) {
    return Proofs.treeRoot(size, new TileHashReader(tiles(), size));
  }

  /** The stored hash tiles as a {@link TileSource}, each cut to the width asked for. */
  public TileSource tiles() {
    return tile -> Prefixes.hashTile(widest(tile), tile.width());
  }

  /** {@code ref}'s stored body cut to {@code ref}'s width. */
  public byte[] read(TileRef ref) {
    byte[] body = widest(ref);
    return ref instanceof TileId t
        ? Prefixes.hashTile(body, t.width())
        : Prefixes.entryBundle(body, ((EntryBundleId) ref).width());
  }

  private byte[] widest(TileRef ref) {
    return stored
        .widest(ref)
        .orElseThrow(() -> new TileNotFoundException(ref, "the mirror stores no " + ref.path()));
  }
}
