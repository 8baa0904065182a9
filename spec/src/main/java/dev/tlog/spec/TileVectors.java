package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.merkle.tile.TileRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Vectors for spec/tiles.md under {@code tiles/}: paths, the tiles of a tree size, entry bundle
 * bodies, and small logs with all their tiles and root ({@link TileLogVectors}).
 */
public final class TileVectors {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private TileVectors() {}

  public static void writeAll(VectorWriter w) {
    writePaths(w);
    writeTilesForSize(w);
    writeEntryBundles(w);
    TileLogVectors.writeAll(w);
  }

  private static void writePaths(VectorWriter w) {
    ObjectNode root = w.object();
    root.put(
        "description",
        "tlog-tiles resource paths. Every valid path parses to the given coordinates and formats"
            + " back to the same string; every invalid path must be rejected.");
    ArrayNode valid = root.putArray("valid");
    List<TileRef> tiles =
        List.of(
            TileId.full(0, 0),
            new TileId(0, 0, 1),
            new TileId(0, 1, 44),
            TileId.full(0, 999),
            TileId.full(0, 1000),
            TileId.full(0, 1234067),
            new TileId(3, 1234067, 1),
            new TileId(1, 0, 255),
            new TileId(7, 0, 127),
            new TileId(63, 0, 1),
            TileId.full(2, 1_000_000),
            TileId.full(0, TileId.MAX_INDEX),
            EntryBundleId.full(0),
            new EntryBundleId(1, 44),
            new EntryBundleId(1234067, 255),
            EntryBundleId.full(TileId.MAX_INDEX));
    for (TileRef t : tiles) {
      ObjectNode c = valid.addObject();
      c.put("path", TilePaths.format(t));
      if (t instanceof TileId h) {
        c.put("kind", "hash");
        c.put("level", h.level());
      } else {
        c.put("kind", "entries");
      }
      c.put("index", t.index());
      c.put("width", t.width());
    }
    ArrayNode invalid = root.putArray("invalid");
    String[][] bad = {
      {"", "empty"},
      {"/tile/0/000", "leading slash"},
      {"tile/0/000/", "trailing slash"},
      {"tile/0", "no index"},
      {"tile//000", "empty level"},
      {"tiles/0/000", "wrong first segment"},
      {"tile/0/0", "index group not 3 digits"},
      {"tile/0/0000", "index group not 3 digits"},
      {"tile/0/x001", "x on the last group"},
      {"tile/0/001/002", "missing x on a non-last group"},
      {"tile/0/x000/001", "leading all-zero group"},
      {"tile/0/X001/002", "uppercase X"},
      {"tile/0/+01", "sign in index"},
      {"tile/0/\u0661\u0662\u0663", "non-ASCII digits"},
      {"tile/00/000", "leading zero in level"},
      {"tile/64/000", "level above 63"},
      {"tile/-1/000", "negative level"},
      {"tile/data/000", "Go sumdb data level is not tlog-tiles"},
      {"tile/0/000.p/0", "width 0"},
      {"tile/0/000.p/256", "full width written as partial"},
      {"tile/0/000.p/01", "leading zero in width"},
      {"tile/0/000.p/", "empty width"},
      {"tile/0/000.p", "missing width"},
      {"tile/0/x001.p/001", "partial marker on a non-last group"},
      {"tile/entries/000.p/256", "full width written as partial"},
      {"tile/entries/x000/000", "leading all-zero group"},
      {"tile/0/x036/x028/x797/x018/x963/968", "index above 2^55-1"},
      {"tile/0/x001/x001/x001/x001/x001/x001/001", "more than 6 groups"},
      {"tile/0/000?x=1", "query string"},
      {" tile/0/000", "leading space"},
    };
    for (String[] b : bad) {
      ObjectNode c = invalid.addObject();
      c.put("name", b[1]);
      c.put("path", b[0]);
      c.put("error", HashJson.confirm(b[1], "TilePathException", () -> TilePaths.parse(b[0])));
    }
    w.write("tiles/paths.json", root);
  }

  private static void writeTilesForSize(VectorWriter w) {
    ObjectNode root = w.object();
    root.put(
        "description",
        "Every hash tile and entry bundle a tree of tree_size leaves publishes, in order: by level,"
            + " full tiles then the partial one. width_at gives single widths for large trees.");
    ArrayNode cases = root.putArray("cases");
    for (long n : new long[] {0, 1, 2, 255, 256, 257, 300, 511, 65_535, 65_536, 65_537, 70_000}) {
      ObjectNode c = cases.addObject();
      c.put("tree_size", n);
      ArrayNode tiles = c.putArray("tiles");
      TileMath.tilesForSize(n).forEach(t -> tiles.add(t.path()));
      ArrayNode bundles = c.putArray("entry_bundles");
      TileMath.entryBundlesForSize(n).forEach(b -> bundles.add(b.path()));
    }
    ArrayNode widths = root.putArray("width_at");
    long[][] probes = {
      {0, 273, 70_000},
      {0, 274, 70_000},
      {1, 1, 70_000},
      {2, 0, 70_000},
      {3, 0, 70_000},
      {0, 0, 1L << 40},
      {4, 0, 1L << 40},
      {5, 0, 1L << 40},
      {7, 0, Long.MAX_VALUE},
      {0, TileId.MAX_INDEX, Long.MAX_VALUE},
      {8, 0, Long.MAX_VALUE},
    };
    for (long[] p : probes) {
      ObjectNode c = widths.addObject();
      c.put("level", (int) p[0]);
      c.put("index", p[1]);
      c.put("tree_size", p[2]);
      c.put("width", TileMath.widthAt((int) p[0], p[1], p[2]));
    }
    ArrayNode invalid = root.putArray("invalid");
    badSize(invalid, "negative tree size", -1);
    badSize(invalid, "tree size Long.MIN_VALUE", Long.MIN_VALUE);
    badWidth(invalid, "level 64", 64, 0, 70_000);
    badWidth(invalid, "negative level", -1, 0, 70_000);
    badWidth(invalid, "negative index", 0, -1, 70_000);
    root.put(
        "description",
        root.get("description").asText()
            + " invalid: tiles and entry bundles for a tree_size, or width_at a level and index,"
            + " that must be refused.");
    w.write("tiles/tiles_for_size.json", root);
  }

  private static void writeEntryBundles(VectorWriter w) {
    ObjectNode root = w.object();
    root.put(
        "description",
        "Entry bundles: each entry as a big-endian uint16 length then its bytes. Valid cases"
            + " decode to entries (base64) and re-encode to the same body; invalid bodies must be"
            + " rejected when decoded as a bundle of the given width.");
    ArrayNode valid = root.putArray("valid");
    byte[] big = new byte[1000];
    Seeds.random("tiles/bundle-big").nextBytes(big);
    List<List<byte[]>> cases =
        List.of(
            List.of(utf8("hello"), new byte[0]),
            List.of(new byte[0]),
            List.of(utf8("a"), utf8("bc"), utf8("def")),
            List.of(new byte[300], utf8("x")),
            List.of(big));
    for (List<byte[]> entries : cases) {
      ObjectNode c = valid.addObject();
      c.put("width", entries.size());
      ArrayNode es = c.putArray("entries");
      entries.forEach(e -> es.add(B64.encodeToString(e)));
      c.put("bundle", B64.encodeToString(EntryBundles.encode(entries)));
    }
    ArrayNode invalid = root.putArray("invalid");
    String[][] bad = {
      {"", "1", "empty body"},
      {"00", "1", "truncated length"},
      {"0005686568", "1", "entry shorter than its length"},
      {"000568656c6c6f00", "2", "truncated second length"},
      {"000568656c6c6f000000", "2", "trailing byte after the last entry"},
      {"000568656c6c6f0000", "1", "more entries than the width"},
      {"000568656c6c6f", "2", "fewer entries than the width"},
      {"ffff00", "1", "length 65535 with 1 byte"},
    };
    for (String[] b : bad) {
      ObjectNode c = invalid.addObject();
      c.put("bundle", B64.encodeToString(HexFormat.of().parseHex(b[0])));
      c.put("width", Integer.parseInt(b[1]));
      c.put("name", b[2]);
      EntryBundleId id = new EntryBundleId(0, Integer.parseInt(b[1]));
      byte[] body = HexFormat.of().parseHex(b[0]);
      c.put(
          "error",
          HashJson.confirm(b[2], "TileFormatException", () -> EntryBundles.decode(id, body)));
    }
    w.write("tiles/entry_bundles.json", root);
  }

  private static void badSize(ArrayNode out, String name, long treeSize) {
    HashJson.confirm(
        name, "IllegalArgumentException", () -> TileMath.entryBundlesForSize(treeSize));
    out.addObject()
        .put("name", name)
        .put("tree_size", treeSize)
        .put(
            "error",
            HashJson.confirm(
                name, "IllegalArgumentException", () -> TileMath.tilesForSize(treeSize)));
  }

  private static void badWidth(ArrayNode out, String name, int level, long index, long treeSize) {
    out.addObject()
        .put("name", name)
        .put("level", level)
        .put("index", index)
        .put("tree_size", treeSize)
        .put(
            "error",
            HashJson.confirm(
                name, "IllegalArgumentException", () -> TileMath.widthAt(level, index, treeSize)));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
