package dev.tlog.merkle.tile;

import dev.tlog.merkle.hash.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure coordinate math of C2SP tlog-tiles with tile height 8: which tiles a tree of a given size
 * publishes, how wide each is, and which tile stores which node hash. No I/O, no hashing.
 *
 * <p>Every method checks its arguments first and throws {@link IllegalArgumentException} for a
 * negative size or index, or for a node that is not complete in the given tree.
 */
public final class TileMath {
  /** Tile height: a tile spans 8 Merkle tree levels. */
  public static final int HEIGHT = 8;

  /** Hashes in a full tile, entries in a full bundle: {@code 2^8}. */
  public static final int FULL_WIDTH = 1 << HEIGHT;

  /** Highest tile level that can be non-empty: level-7 tiles store tree level 56. */
  public static final int MAX_USED_LEVEL = NodeId.MAX_LEVEL / HEIGHT;

  private TileMath() {}

  /**
   * Number of hashes tile ({@code level}, {@code index}) holds in a tree of {@code treeSize}
   * leaves: 256 if full, 1..255 if partial, 0 if the tree does not publish it (C2SP: {@code floor(s
   * / 256^l) mod 256} for the rightmost tile of a level).
   */
  public static int widthAt(int level, long index, long treeSize) {
    checkSize(treeSize);
    if (level < 0 || level > TileId.MAX_LEVEL) {
      throw new IllegalArgumentException("tile level must be in [0, 63], got " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("tile index must be >= 0, got " + index);
    }
    long row = rowLength(level, treeSize);
    if (index > (row >> HEIGHT)) {
      return 0;
    }
    return (int) Math.min(FULL_WIDTH, row - (index << HEIGHT));
  }

  /** Number of entries bundle {@code index} holds in a tree of {@code treeSize}; 0 if none. */
  public static int entryBundleWidthAt(long index, long treeSize) {
    return widthAt(0, index, treeSize);
  }

  /**
   * Every hash tile a tree of {@code treeSize} leaves publishes, each at the width it has at that
   * size: for each level, its full tiles then its partial tile if any, levels in increasing order.
   * Empty for size 0. The list has about {@code treeSize / 255} elements; servers should use {@link
   * #newTiles} to publish incrementally.
   */
  public static List<TileId> tilesForSize(long treeSize) {
    return newTiles(0, treeSize);
  }

  /**
   * The hash tiles that growing a tree from {@code oldSize} to {@code newSize} creates or widens,
   * in the order of {@link #tilesForSize}. A full tile at {@code oldSize} never reappears.
   */
  public static List<TileId> newTiles(long oldSize, long newSize) {
    checkSizes(oldSize, newSize);
    List<TileId> tiles = new ArrayList<>(count(oldSize, newSize));
    for (int level = 0; level <= MAX_USED_LEVEL && rowLength(level, newSize) > 0; level++) {
      long oldRow = rowLength(level, oldSize);
      long newRow = rowLength(level, newSize);
      if (oldRow == newRow) {
        continue;
      }
      for (long n = oldRow >> HEIGHT; n < newRow >> HEIGHT; n++) {
        tiles.add(TileId.full(level, n));
      }
      int partial = (int) (newRow & (FULL_WIDTH - 1));
      if (partial > 0) {
        tiles.add(new TileId(level, newRow >> HEIGHT, partial));
      }
    }
    return tiles;
  }

  /** Every entry bundle a tree of {@code treeSize} publishes, full ones then the partial one. */
  public static List<EntryBundleId> entryBundlesForSize(long treeSize) {
    return newEntryBundles(0, treeSize);
  }

  /**
   * The entry bundles that growing a tree from {@code oldSize} to {@code newSize} adds or widens.
   */
  public static List<EntryBundleId> newEntryBundles(long oldSize, long newSize) {
    List<EntryBundleId> bundles = new ArrayList<>();
    for (TileId t : newTiles(oldSize, newSize)) {
      if (t.level() == 0) {
        bundles.add(new EntryBundleId(t.index(), t.width()));
      }
    }
    return bundles;
  }

  /** The bundle holding entry {@code entryIndex} in a tree of {@code treeSize}, at that width. */
  public static EntryBundleId bundleForEntry(long entryIndex, long treeSize) {
    checkSize(treeSize);
    if (entryIndex < 0 || entryIndex >= treeSize) {
      throw new IllegalArgumentException(
          "entry index " + entryIndex + " out of range [0, " + treeSize + ")");
    }
    long n = entryIndex >> HEIGHT;
    return new EntryBundleId(n, entryBundleWidthAt(n, treeSize));
  }

  /** Whether {@code node} is a complete subtree of a tree of {@code treeSize} leaves. */
  public static boolean isComplete(NodeId node, long treeSize) {
    checkSize(treeSize);
    // index < treeSize >> level  <=>  (index + 1) << level <= treeSize, without overflow.
    return node.index() < (treeSize >> node.level());
  }

  /**
   * The tile of a tree of {@code treeSize} leaves that stores {@code node}, at the width it has at
   * that size, and which of its hashes make up the node. A node at tree level {@code l} lives in
   * tile level {@code l / 8}; if {@code l % 8 != 0} its hash is computed from the {@code 2^(l % 8)}
   * stored hashes below it.
   */
  public static NodeLocation tileForNode(NodeId node, long treeSize) {
    if (!isComplete(node, treeSize)) {
      throw new IllegalArgumentException(
          "node " + node + " is not complete in a tree of size " + treeSize);
    }
    int level = node.level() / HEIGHT;
    int below = node.level() % HEIGHT;
    long first = node.index() << below;
    long n = first >> HEIGHT;
    int width = widthAt(level, n, treeSize);
    int offset = (int) (first & (FULL_WIDTH - 1));
    return new NodeLocation(new TileId(level, n, width), offset, 1 << below);
  }

  /** The nodes whose hashes form {@code tile}'s body, in body order. */
  public static List<NodeId> nodesInTile(TileId tile) {
    if (tile.level() > MAX_USED_LEVEL) {
      throw new IllegalArgumentException("tile " + tile + " holds no addressable nodes");
    }
    List<NodeId> nodes = new ArrayList<>(tile.width());
    long first = tile.index() << HEIGHT;
    for (int i = 0; i < tile.width(); i++) {
      nodes.add(new NodeId(tile.nodeLevel(), first + i));
    }
    return nodes;
  }

  /** Shared validation of {@link TileId} and {@link EntryBundleId} components. */
  static void checkIndexAndWidth(long index, int width) {
    if (index < 0 || index > TileId.MAX_INDEX) {
      throw new IllegalArgumentException(
          "tile index must be in [0, " + TileId.MAX_INDEX + "], got " + index);
    }
    if (width < 1 || width > FULL_WIDTH) {
      throw new IllegalArgumentException("tile width must be in [1, 256], got " + width);
    }
  }

  // Number of complete nodes at tree level 8 * level.
  private static long rowLength(int level, long treeSize) {
    int shift = level * HEIGHT;
    return shift >= Long.SIZE ? 0 : treeSize >> shift;
  }

  private static int count(long oldSize, long newSize) {
    long total = 0;
    for (int level = 0; level <= MAX_USED_LEVEL; level++) {
      long newRow = rowLength(level, newSize);
      long ceil = (newRow >> HEIGHT) + ((newRow & (FULL_WIDTH - 1)) == 0 ? 0 : 1);
      total += ceil - (rowLength(level, oldSize) >> HEIGHT);
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "too many tiles to list between sizes " + oldSize + " and " + newSize);
    }
    return (int) total;
  }

  private static void checkSize(long treeSize) {
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size must be >= 0, got " + treeSize);
    }
  }

  private static void checkSizes(long oldSize, long newSize) {
    checkSize(oldSize);
    if (newSize < oldSize) {
      throw new IllegalArgumentException(
          "new size " + newSize + " is smaller than old size " + oldSize);
    }
  }
}
