package dev.tlog.merkle.tile;

import dev.tlog.merkle.MerkleException;

/** A {@link TileSource} does not have the requested tile (for HTTP: a 404). */
public final class TileNotFoundException extends MerkleException {
  private static final long serialVersionUID = 1L;

  private final TileRef tile;

  public TileNotFoundException(TileRef tile, String message) {
    super(message);
    this.tile = tile;
  }

  /** The tile that was asked for. */
  public TileRef tile() {
    return tile;
  }
}
