package dev.tlog.mirror.verify;

import dev.tlog.merkle.tile.TileRef;

/** Fetches an object from the upstream at exactly {@code ref}'s width; throws if it cannot. */
@FunctionalInterface
public interface ObjectFetcher {
  byte[] fetch(TileRef ref);
}
