package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.TileId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Small logs with every tile and entry bundle they publish, base64, plus the root: a client
 * recomputes the root from tiles alone. Tiles are cut from a naive level-by-level tree here, not by
 * the library's tile math, so the vectors check it independently.
 */
final class TileLogVectors {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private TileLogVectors() {}

  static void writeAll(VectorWriter w) {
    List<byte[]> hello = List.of("hello".getBytes(StandardCharsets.UTF_8), new byte[0]);
    write(w, "tiles/log_2.json", hello, new int[][] {{0, 0}, {0, 1}, {1, 0}});
    Random r = Seeds.random("tiles/log_300");
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] e = new byte[r.nextInt(33)];
      r.nextBytes(e);
      entries.add(e);
    }
    write(
        w,
        "tiles/log_300.json",
        entries,
        new int[][] {{0, 299}, {3, 5}, {5, 8}, {2, 74}, {7, 1}, {8, 0}});
  }

  private static void write(VectorWriter w, String file, List<byte[]> entries, int[][] nodes) {
    List<Hash[]> levels = levels(entries);
    ObjectNode root = w.object();
    root.put(
        "description",
        "A log of tree_size entries: every hash tile and entry bundle it publishes (base64 bodies"
            + " keyed by path), its RFC 6962 root, and some node hashes, including nodes between"
            + " tile levels that must be computed from the level-0 tile.");
    root.put("tree_size", entries.size());
    root.put("root", mth(levels.get(0), 0, entries.size()).toHex());
    ObjectNode tiles = root.putObject("tiles");
    for (int l = 0; l < levels.size(); l += 8) {
      Hash[] row = levels.get(l);
      for (int start = 0; start < row.length; start += 256) {
        int width = Math.min(256, row.length - start);
        byte[] body = new byte[width * Hash.SIZE];
        for (int i = 0; i < width; i++) {
          row[start + i].copyTo(body, i * Hash.SIZE);
        }
        tiles.put(new TileId(l / 8, start / 256, width).path(), B64.encodeToString(body));
      }
    }
    ObjectNode bundles = root.putObject("entry_bundles");
    for (int start = 0; start < entries.size(); start += 256) {
      List<byte[]> slice = entries.subList(start, Math.min(entries.size(), start + 256));
      bundles.put(
          new EntryBundleId(start / 256, slice.size()).path(),
          B64.encodeToString(EntryBundles.encode(slice)));
    }
    ArrayNode ns = root.putArray("nodes");
    for (int[] n : nodes) {
      ObjectNode c = ns.addObject();
      c.put("level", n[0]);
      c.put("index", n[1]);
      c.put("hash", levels.get(n[0])[n[1]].toHex());
    }
    w.write(file, root);
  }

  // levels.get(l)[i] = hash of complete node (l, i).
  private static List<Hash[]> levels(List<byte[]> entries) {
    List<Hash[]> levels = new ArrayList<>();
    Hash[] row = entries.stream().map(TreeHasher::leafHash).toArray(Hash[]::new);
    levels.add(row);
    while (row.length > 1) {
      Hash[] up = new Hash[row.length / 2];
      for (int i = 0; i < up.length; i++) {
        up[i] = TreeHasher.nodeHash(row[2 * i], row[2 * i + 1]);
      }
      levels.add(up);
      row = up;
    }
    return levels;
  }

  // RFC 6962 §2.1 MTH.
  private static Hash mth(Hash[] leaves, int lo, int hi) {
    int n = hi - lo;
    if (n == 0) {
      return TreeHasher.emptyRoot();
    }
    if (n == 1) {
      return leaves[lo];
    }
    int k = Integer.highestOneBit(n - 1);
    return TreeHasher.nodeHash(mth(leaves, lo, lo + k), mth(leaves, lo + k, hi));
  }
}
