package dev.tlog.merkle.tile;

import dev.tlog.merkle.MerkleException;

/** A hash tile or entry bundle body is malformed or does not match the width it should have. */
public final class TileFormatException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public TileFormatException(String message) {
    super(message);
  }
}
