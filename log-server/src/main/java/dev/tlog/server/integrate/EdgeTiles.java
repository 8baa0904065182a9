package dev.tlog.server.integrate;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.server.storage.BatchWrite.TileWrite;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.TileStratum;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of the tiled tree: one growing tile per tile level. Fed every complete node as the
 * tree grows ({@link dev.tlog.merkle.compact.NodeVisitor}); hands out every tile that a batch
 * completed or widened. Confined to the sequencer's builder thread.
 */
final class EdgeTiles {
  private final List<TileBuilder> levels = new ArrayList<>();
  private final List<TileWrite> finished = new ArrayList<>();

  /** The right edge of the stored tree of {@code reader.size()} leaves. */
  static EdgeTiles load(LogReader reader) {
    EdgeTiles e = new EdgeTiles();
    long size = reader.size();
    for (int level = 0; level <= TileMath.MAX_USED_LEVEL; level++) {
      long row = size >>> (TileMath.HEIGHT * level);
      if (row == 0) {
        break;
      }
      long index = row >>> TileMath.HEIGHT;
      int width = (int) (row & (TileMath.FULL_WIDTH - 1));
      e.levels.add(
          width == 0
              ? new TileBuilder(level, index)
              : TileBuilder.restore(level, index, width, reader.tileStratum(level, index)));
    }
    return e;
  }

  /** Records complete node {@code id}. */
  void visit(NodeId id, Hash hash) {
    TileStratum.Location at = TileStratum.locate(id);
    while (levels.size() <= at.level()) {
      levels.add(new TileBuilder(levels.size(), 0));
    }
    TileBuilder t = levels.get(at.level());
    if (t.index() != at.index()) {
      if (t.dirty()) {
        finished.add(t.take());
      }
      t.reset(at.index());
    }
    t.add(at.row(), at.offset(), hash);
  }

  /** Every tile changed since the last call, in its latest form. */
  List<TileWrite> takeChanged() {
    List<TileWrite> out = new ArrayList<>(finished);
    finished.clear();
    for (TileBuilder t : levels) {
      if (t.dirty()) {
        out.add(t.take());
      }
    }
    return out;
  }
}
