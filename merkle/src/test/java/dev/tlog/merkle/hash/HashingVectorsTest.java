package dev.tlog.merkle.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.testing.ExpectedError;
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
    assertTrue(v.get("invalid").size() > 0);
    for (JsonNode c : v.get("invalid")) {
      byte[] input = HexFormat.of().parseHex(c.get("input").asText());
      // A leaf hash is the root of the one-leaf tree.
      ExpectedError.assertFails(
          c,
          () ->
              Proofs.checkInclusion(
                  new InclusionProof(0, 1, List.of()),
                  TreeHasher.leafHash(input),
                  hash(c.get("leafHash"))));
    }
  }

  @Test
  void nodeHashes() {
    JsonNode v = Vectors.load("hashing/node.json");
    for (JsonNode c : v.get("cases")) {
      assertEquals(
          hash(c.get("hash")), TreeHasher.nodeHash(hash(c.get("left")), hash(c.get("right"))));
    }
    assertTrue(v.get("invalid").size() > 0);
    for (JsonNode c : v.get("invalid")) {
      // A node over leaves left, right is the root of the two-leaf tree.
      ExpectedError.assertFails(
          c,
          () ->
              Proofs.checkInclusion(
                  new InclusionProof(0, 2, List.of(hash(c.get("right")))),
                  hash(c.get("left")),
                  hash(c.get("hash"))));
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
    assertTrue(v.get("invalid").size() > 0);
    for (JsonNode c : v.get("invalid")) {
      int n = c.get("treeSize").asInt();
      Hash want = naive.mth(0, n);
      ExpectedError.assertFails(
          c,
          () ->
              Proofs.checkConsistency(
                  new ConsistencyProof(n, n, List.of()), want, hash(c.get("root"))));
    }
  }

  @Test
  void compactRanges() {
    List<Hash> leaves = hashes(Vectors.load("hashing/tree.json").get("leafHashes"));
    JsonNode v = Vectors.load("hashing/compact.json");
    for (JsonNode c : v.get("cases")) {
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
    assertTrue(v.get("invalid").size() > 0);
    for (JsonNode c : v.get("invalid")) {
      ExpectedError.assertFails(
          c,
          () -> {
            CompactRange r =
                CompactRange.of(
                    c.get("begin").asLong(), c.get("end").asLong(), hashes(c.get("hashes")));
            if (!c.has("merge")) {
              r.root();
              return;
            }
            int b = c.get("merge").get(0).asInt();
            int e = c.get("merge").get(1).asInt();
            CompactRange right = CompactRange.empty(b);
            right.appendAll(leaves.subList(b, e), null);
            r.merge(right, (id, h) -> {});
          });
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
