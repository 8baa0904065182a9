package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.TileHashReader;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TilePaths;
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
    root.set("invalid", invalid(w, tiles, entries.size(), root.get("root").asText()));
    root.put(
        "description",
        root.get("description").asText()
            + " invalid: the same tiles with the one at path replaced by tile (base64); the root"
            + " computed from them must be refused.");
    w.write(file, root);
  }

  private static ArrayNode invalid(VectorWriter w, ObjectNode tiles, long n, String rootHex) {
    ArrayNode out = w.array();
    // The right-edge level-0 tile: the root reads its hashes (full tiles below a higher-level
    // tile are not read for the root, so a change there would go unnoticed by this check).
    String first = null;
    for (var it = tiles.fieldNames(); it.hasNext(); ) {
      String p = it.next();
      if (p.startsWith("tile/0/")) {
        first = p;
      }
    }
    byte[] body = Base64.getDecoder().decode(tiles.get(first).asText());
    byte[] flipped = body.clone();
    flipped[flipped.length - 1] ^= 1;
    badTile(out, "flipped bit in the last hash of " + first, tiles, first, flipped, n, rootHex);
    byte[] truncated = java.util.Arrays.copyOf(body, body.length - 1);
    badTile(out, first + " one byte short", tiles, first, truncated, n, rootHex);
    if (body.length >= 2 * Hash.SIZE) {
      byte[] swapped = body.clone();
      System.arraycopy(body, 0, swapped, Hash.SIZE, Hash.SIZE);
      System.arraycopy(body, Hash.SIZE, swapped, 0, Hash.SIZE);
      badTile(out, "first two hashes of " + first + " swapped", tiles, first, swapped, n, rootHex);
    }
    return out;
  }

  private static void badTile(
      ArrayNode out,
      String name,
      ObjectNode tiles,
      String path,
      byte[] body,
      long n,
      String rootHex) {
    java.util.Map<TileId, byte[]> byId = new java.util.HashMap<>();
    tiles
        .fields()
        .forEachRemaining(
            e ->
                byId.put(
                    TilePaths.parseHashTile(e.getKey()),
                    Base64.getDecoder().decode(e.getValue().asText())));
    byId.put(TilePaths.parseHashTile(path), body);
    String error = body.length % Hash.SIZE == 0 ? "RootMismatchException" : "TileFormatException";
    HashJson.confirm(
        name,
        error,
        () -> {
          Hash root = Proofs.treeRoot(n, new TileHashReader(byId::get, n));
          Proofs.checkConsistency(
              new ConsistencyProof(n, n, List.of()), root, Hash.fromHex(rootHex));
        });
    out.addObject()
        .put("name", name)
        .put("path", path)
        .put("tile", B64.encodeToString(body))
        .put("error", error);
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
