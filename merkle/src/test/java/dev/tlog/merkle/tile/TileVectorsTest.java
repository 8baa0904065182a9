package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.testing.ExpectedError;
import dev.tlog.merkle.testing.Vectors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Checks every case of every file under spec/vectors/tiles/. */
class TileVectorsTest {
  private static final Base64.Decoder B64 = Base64.getDecoder();

  @Test
  void paths() {
    JsonNode v = Vectors.load("tiles/paths.json");
    assertTrue(v.get("valid").size() > 0 && v.get("invalid").size() > 0);
    for (JsonNode c : v.get("valid")) {
      String path = c.get("path").asText();
      long index = c.get("index").asLong();
      int width = c.get("width").asInt();
      TileRef want =
          c.get("kind").asText().equals("hash")
              ? new TileId(c.get("level").asInt(), index, width)
              : new EntryBundleId(index, width);
      assertEquals(want, TilePaths.parse(path), path);
      assertEquals(path, TilePaths.format(want));
    }
    for (JsonNode c : v.get("invalid")) {
      String path = c.get("path").asText();
      ExpectedError.assertFails(c, () -> TilePaths.parse(path));
    }
  }

  @Test
  void tilesForSize() {
    JsonNode v = Vectors.load("tiles/tiles_for_size.json");
    for (JsonNode c : v.get("cases")) {
      long n = c.get("tree_size").asLong();
      assertEquals(strings(c.get("tiles")), paths(TileMath.tilesForSize(n)), "size " + n);
      assertEquals(
          strings(c.get("entry_bundles")), paths(TileMath.entryBundlesForSize(n)), "size " + n);
    }
    for (JsonNode c : v.get("width_at")) {
      assertEquals(
          c.get("width").asInt(),
          TileMath.widthAt(
              c.get("level").asInt(), c.get("index").asLong(), c.get("tree_size").asLong()),
          c.toString());
    }
    assertTrue(v.get("invalid").size() > 0);
    for (JsonNode c : v.get("invalid")) {
      long n = c.get("tree_size").asLong();
      Executable action =
          c.has("level")
              ? () -> TileMath.widthAt(c.get("level").asInt(), c.get("index").asLong(), n)
              : () -> {
                TileMath.tilesForSize(n);
                TileMath.entryBundlesForSize(n);
              };
      Throwable e = assertThrows(RuntimeException.class, action, c.get("name").asText());
      assertEquals(c.get("error").asText(), e.getClass().getSimpleName(), c.get("name").asText());
    }
  }

  @Test
  void entryBundles() {
    JsonNode v = Vectors.load("tiles/entry_bundles.json");
    for (JsonNode c : v.get("valid")) {
      List<byte[]> entries = new ArrayList<>();
      c.get("entries").forEach(e -> entries.add(B64.decode(e.asText())));
      byte[] bundle = B64.decode(c.get("bundle").asText());
      assertArrayEquals(bundle, EntryBundles.encode(entries));
      List<byte[]> back = EntryBundles.decode(new EntryBundleId(0, c.get("width").asInt()), bundle);
      assertEquals(entries.size(), back.size());
      for (int i = 0; i < entries.size(); i++) {
        assertArrayEquals(entries.get(i), back.get(i));
      }
    }
    for (JsonNode c : v.get("invalid")) {
      byte[] bundle = B64.decode(c.get("bundle").asText());
      EntryBundleId id = new EntryBundleId(0, c.get("width").asInt());
      ExpectedError.assertFails(c, () -> EntryBundles.decode(id, bundle));
    }
  }

  @Test
  void log2() {
    checkLog("tiles/log_2.json");
  }

  @Test
  void log300() {
    checkLog("tiles/log_300.json");
  }

  /** Root and nodes from tiles alone; bundles hash to the level-0 tiles; exactly the right set. */
  private static void checkLog(String file) {
    JsonNode v = Vectors.load(file);
    long n = v.get("tree_size").asLong();
    Map<TileId, byte[]> tiles = new HashMap<>();
    v.get("tiles")
        .fields()
        .forEachRemaining(
            e -> tiles.put(TilePaths.parseHashTile(e.getKey()), B64.decode(e.getValue().asText())));
    assertEquals(Set.copyOf(TileMath.tilesForSize(n)), tiles.keySet());

    TileHashReader reader = new TileHashReader(new TileHashReaderTest.CountingSource(tiles), n);
    assertEquals(Hash.fromHex(v.get("root").asText()), NaiveTileTree.rootFrom(reader, n));
    for (JsonNode c : v.get("nodes")) {
      NodeId id = new NodeId(c.get("level").asInt(), c.get("index").asLong());
      assertEquals(Hash.fromHex(c.get("hash").asText()), reader.readHashes(List.of(id)).get(0));
    }

    List<String> bundlePaths = new ArrayList<>();
    v.get("entry_bundles")
        .fields()
        .forEachRemaining(
            e -> {
              bundlePaths.add(e.getKey());
              EntryBundleId id = TilePaths.parseEntryBundle(e.getKey());
              List<byte[]> entries = EntryBundles.decode(id, B64.decode(e.getValue().asText()));
              List<Hash> leaves = HashTiles.decode(id.leafTile(), tiles.get(id.leafTile()));
              for (int i = 0; i < entries.size(); i++) {
                assertEquals(leaves.get(i), TreeHasher.leafHash(entries.get(i)), id + " #" + i);
              }
            });
    assertEquals(paths(TileMath.entryBundlesForSize(n)), bundlePaths);

    Hash root = Hash.fromHex(v.get("root").asText());
    assertTrue(v.get("invalid").size() > 0);
    for (JsonNode c : v.get("invalid")) {
      Map<TileId, byte[]> bad = new HashMap<>(tiles);
      bad.put(TilePaths.parseHashTile(c.get("path").asText()), B64.decode(c.get("tile").asText()));
      ExpectedError.assertFails(
          c,
          () ->
              Proofs.checkConsistency(
                  new ConsistencyProof(n, n, List.of()),
                  Proofs.treeRoot(n, new TileHashReader(bad::get, n)),
                  root));
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out;
  }

  private static List<String> paths(List<? extends TileRef> tiles) {
    return tiles.stream().map(TileRef::path).collect(Collectors.toList());
  }
}
