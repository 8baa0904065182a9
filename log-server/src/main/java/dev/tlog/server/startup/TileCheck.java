package dev.tlog.server.startup;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.TileStratum;
import java.util.Arrays;

/** Compares a stored tile with the one re-derived from its base row. */
final class TileCheck {
  private final LogReader reader;

  TileCheck(LogReader reader) {
    this.reader = reader;
  }

  /**
   * Throws {@link StateMismatchException} unless tile (level, index) equals {@code base} hashed up.
   */
  void tile(int level, long index, byte[] base) {
    byte[] derived = TileStratum.fromBase(base);
    byte[] stored = reader.tileStratum(level, index);
    if (!Arrays.equals(derived, stored)) {
      int at = Arrays.mismatch(derived, stored) / Hash.SIZE;
      throw new StateMismatchException(
          "hash tile "
              + level
              + "/"
              + index
              + " disagrees at hash "
              + at
              + ": recomputed "
              + (at * Hash.SIZE < derived.length ? Hash.of(derived, at * Hash.SIZE) : "nothing")
              + ", stored "
              + (at * Hash.SIZE + Hash.SIZE <= stored.length
                  ? Hash.of(stored, at * Hash.SIZE)
                  : "nothing"));
    }
  }
}
