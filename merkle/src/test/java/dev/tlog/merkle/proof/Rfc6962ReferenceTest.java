package dev.tlog.merkle.proof;

import static dev.tlog.merkle.proof.ProofVectorsTest.hash;
import static dev.tlog.merkle.proof.ProofVectorsTest.hashes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.testing.ExpectedError;
import dev.tlog.merkle.testing.NaiveTree;
import dev.tlog.merkle.testing.Vectors;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published known answers for the RFC 6962 reference tree (proofs/rfc6962-reference.json). */
class Rfc6962ReferenceTest {
  private final JsonNode v = Vectors.load("proofs/rfc6962-reference.json");
  private final MemoryHashStore store = new MemoryHashStore();
  private final List<Hash> leaves = new ArrayList<>();

  Rfc6962ReferenceTest() {
    for (JsonNode in : v.get("leafInputs")) {
      leaves.add(TreeHasher.leafHash(HexFormat.of().parseHex(in.asText())));
      store.append(leaves.get(leaves.size() - 1));
    }
  }

  @Test
  void nodesRootsAndCompactRanges() {
    assertEquals(8, leaves.size());
    for (JsonNode n : v.get("nodes")) {
      NodeId id = new NodeId(n.get("level").asInt(), n.get("index").asLong());
      assertEquals(hash(n.get("hash")), store.readHashes(List.of(id)).get(0), id.toString());
    }
    NaiveTree naive = new NaiveTree(leaves);
    for (JsonNode r : v.get("roots")) {
      int size = r.get("treeSize").asInt();
      assertEquals(hash(r.get("root")), naive.mth(0, size), "size " + size);
      assertEquals(hash(r.get("root")), Proofs.treeRoot(size, store), "size " + size);
    }
    for (JsonNode c : v.get("compactRanges")) {
      int size = c.get("treeSize").asInt();
      CompactRange r = CompactRange.empty(0);
      r.appendAll(leaves.subList(0, size), null);
      assertEquals(hashes(c.get("hashes")), r.hashes(), "size " + size);
    }
  }

  @Test
  void publishedProofsAreProducedAndVerify() {
    for (JsonNode c : v.get("inclusion")) {
      long index = c.get("index").asLong();
      long size = c.get("treeSize").asLong();
      InclusionProof p = Proofs.proveInclusion(index, size, store);
      assertEquals(hashes(c.get("proof")), p.hashes(), index + "/" + size);
      assertEquals(leaves.get((int) index), hash(c.get("leafHash")));
      Proofs.checkInclusion(p, hash(c.get("leafHash")), hash(c.get("root")));
    }
    for (JsonNode c : v.get("consistency")) {
      long m = c.get("first").asLong();
      long n = c.get("second").asLong();
      ConsistencyProof p = Proofs.proveConsistency(m, n, store);
      assertEquals(hashes(c.get("proof")), p.hashes(), m + "->" + n);
      Proofs.checkConsistency(p, hash(c.get("firstRoot")), hash(c.get("secondRoot")));
    }
  }

  @Test
  void mutatedPublishedProofsAreRefused() {
    assertTrue(v.get("invalid").size() > 0);
    for (JsonNode c : v.get("invalid")) {
      List<Hash> proof = hashes(c.get("proof"));
      if (c.get("type").asText().equals("inclusion")) {
        var p = new InclusionProof(c.get("index").asLong(), c.get("treeSize").asLong(), proof);
        ExpectedError.assertFails(
            c, () -> Proofs.checkInclusion(p, hash(c.get("leafHash")), hash(c.get("root"))));
      } else {
        var p = new ConsistencyProof(c.get("first").asLong(), c.get("second").asLong(), proof);
        ExpectedError.assertFails(
            c,
            () -> Proofs.checkConsistency(p, hash(c.get("firstRoot")), hash(c.get("secondRoot"))));
      }
    }
  }
}
