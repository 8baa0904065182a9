package dev.tlog.mirror.verify;

import dev.tlog.merkle.tile.TileRef;
import java.util.Map;

/**
 * Durably writes verified objects ahead of the checkpoint that will cover them, so that catching up
 * a large log holds a bounded amount in memory. What it writes must become readable through the
 * {@link ObjectReader} the same verifier uses.
 */
@FunctionalInterface
public interface ObjectSink {
  void stage(Map<TileRef, byte[]> bodies);
}
