package dev.tlog.mirror.verify;

import dev.tlog.merkle.tile.TileRef;
import java.util.Optional;

/** Reads the mirror's stored objects: the widest body stored at a tile's position, any width. */
@FunctionalInterface
public interface ObjectReader {
  Optional<byte[]> widest(TileRef ref);
}
