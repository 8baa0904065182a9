package dev.tlog.merkle.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.testing.NaiveTree;
import dev.tlog.merkle.testing.Vectors;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks every case of spec/vectors/hashing/*.json. */
class HashingVectorsTest {
  @Test
  void leafHashes() {
    JsonNode v = Vectors.load("hashing/leaf.json");
    assertEquals(hash(v.get("emptyTreeRoot")), TreeHasher.emptyRoot());
    for (JsonNode c : v.get("cases")) {
      byte[] input = HexFormat.of().parseHex(c.get("input").asText());
      assertEquals(hash(c.get("leafHash")), TreeHasher.leafHash(input), c.toString());
    }
  }

  @Test
  void nodeHashes() {
    for (JsonNode c : Vectors.load("hashing/node.json").get("cases")) {
      assertEquals(
          hash(c.get("hash")), TreeHasher.nodeHash(hash(c.get("left")), hash(c.get("right"))));
    }
  }

  @Test
  void treeRootsMatchNaiveAndCompact() {
    JsonNode v = Vectors.load("hashing/tree.json");
    List<Hash> leaves = hashes(v.get("leafHashes"));
    NaiveTree naive = new NaiveTree(leaves);
    MemoryHashStore store = new MemoryHashStore();
    for (JsonNode c : v.get("roots")) {
      int n = c.get("treeSize").asInt();
      while (store.size() < n) {
        store.append(leaves.get((int) store.size()));
      }
      assertEquals(hash(c.get("root")), naive.mth(0, n), "size " + n);
      assertEquals(hash(c.get("root")), store.root(), "size " + n);
    }
  }

  @Test
  void compactRanges() {
    List<Hash> leaves = hashes(Vectors.load("hashing/tree.json").get("leafHashes"));
    for (JsonNode c : Vectors.load("hashing/compact.json").get("cases")) {
      long begin = c.get("begin").asLong();
      long end = c.get("end").asLong();
      List<NodeId> ids = new ArrayList<>();
      List<Hash> want = new ArrayList<>();
      for (JsonNode n : c.get("nodes")) {
        ids.add(new NodeId(n.get("level").asInt(), n.get("index").asLong()));
        want.add(hash(n.get("hash")));
      }
      assertEquals(ids, CompactRange.decompose(begin, end), c.toString());
      CompactRange r = CompactRange.empty(begin);
      r.appendAll(leaves.subList((int) begin, (int) end), null);
      assertEquals(want, r.hashes());
      if (c.has("root")) {
        assertEquals(hash(c.get("root")), CompactRange.of(begin, end, want).root());
      }
    }
  }

  static Hash hash(JsonNode n) {
    return Hash.fromHex(n.asText());
  }

  static List<Hash> hashes(JsonNode array) {
    List<Hash> out = new ArrayList<>();
    array.forEach(n -> out.add(hash(n)));
    return out;
  }
}
