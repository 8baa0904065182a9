package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * proofs/rfc6962-reference.json: external known answers for the 8-leaf RFC 6962 reference tree, as
 * published in transparency-dev/merkle (testonly/constants.go, proof/verify_test.go). Generation
 * fails unless this library reproduces every one of them.
 */
final class Rfc6962ReferenceVectors {
  private static final String[] LEAF_INPUTS = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  /** Complete-subtree hashes by level, then index. */
  private static final String[][] NODES = {
    {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
      "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"
    },
    {
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
    },
    {
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"
    },
    {"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"}
  };

  /** Roots of the trees of size 0..8. */
  private static final String[] ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  /** Published inclusion proofs as {index (0-based), size, hashes...}. */
  private static final String[][] INCLUSION = {
    {"0", "1"},
    {"0", "8", NODES[0][1], NODES[1][1], NODES[2][1]},
    {"5", "8", NODES[0][4], NODES[1][3], NODES[2][0]},
    {"2", "3", NODES[1][0]},
    {"1", "5", NODES[0][0], NODES[1][1], NODES[0][4]}
  };

  /** Published consistency proofs as {first, second, hashes...}. */
  private static final String[][] CONSISTENCY = {
    {"1", "1"},
    {"1", "8", NODES[0][1], NODES[1][1], NODES[2][1]},
    {"6", "8", NODES[1][2], NODES[1][3], NODES[2][0]},
    {"2", "5", NODES[1][1], NODES[0][4]},
    {"6", "7", NODES[1][2], NODES[0][6], NODES[2][0]}
  };

  private Rfc6962ReferenceVectors() {}

  static void write(VectorWriter w) {
    MemoryHashStore store = new MemoryHashStore();
    ArrayNode inputs = w.array();
    for (String in : LEAF_INPUTS) {
      inputs.add(in);
      store.append(TreeHasher.leafHash(HashJson.unhex(in)));
    }
    ObjectNode root = w.object();
    root.put(
        "description",
        "Known answers for the RFC 6962 reference tree (8 leaves). Indexes are 0-based (the source"
            + " numbers leaves from 1 in its inclusion table). Every case here must verify.");
    root.put(
        "source",
        "github.com/transparency-dev/merkle: testonly/constants.go (LeafInputs, NodeHashes,"
            + " RootHashes, CompactTrees) and proof/verify_test.go (inclusionProofs,"
            + " consistencyProofs)");
    root.set("leafInputs", inputs);
    root.set("nodes", nodes(w, store));
    root.set("roots", roots(w, store));
    root.set("compactRanges", compactRanges(w, store));
    root.set("inclusion", inclusion(w, store));
    root.set("consistency", consistency(w, store));
    root.set("invalid", invalid(w));
    root.put(
        "description",
        root.get("description").asText()
            + " invalid: published proofs mutated (a flipped, missing or extra hash, a wrong index"
            + " or size); each must be refused with its error.");
    w.write("proofs/rfc6962-reference.json", root);
  }

  private static ArrayNode nodes(VectorWriter w, MemoryHashStore store) {
    ArrayNode out = w.array();
    for (int level = 0; level < NODES.length; level++) {
      for (int index = 0; index < NODES[level].length; index++) {
        Hash want = Hash.fromHex(NODES[level][index]);
        require(
            want,
            store.readHashes(List.of(new NodeId(level, index))).get(0),
            "node " + level + "," + index);
        out.addObject().put("level", level).put("index", index).put("hash", want.toHex());
      }
    }
    return out;
  }

  private static ArrayNode roots(VectorWriter w, MemoryHashStore store) {
    ArrayNode out = w.array();
    for (int n = 0; n < ROOTS.length; n++) {
      Hash want = Hash.fromHex(ROOTS[n]);
      require(want, Proofs.treeRoot(n, store), "root " + n);
      out.addObject().put("treeSize", n).put("root", want.toHex());
    }
    return out;
  }

  private static ArrayNode compactRanges(VectorWriter w, MemoryHashStore store) {
    ArrayNode out = w.array();
    for (int n = 0; n <= 8; n++) {
      List<NodeId> ids = CompactRange.decompose(0, n);
      List<Hash> hashes = new ArrayList<>();
      for (NodeId id : ids) {
        hashes.add(Hash.fromHex(NODES[id.level()][(int) id.index()]));
      }
      ObjectNode c = out.addObject().put("treeSize", n);
      c.set("hashes", HashJson.hashes(w, hashes));
      require(Hash.fromHex(ROOTS[n]), CompactRange.of(0, n, hashes).root(), "compact " + n);
    }
    return out;
  }

  private static ArrayNode inclusion(VectorWriter w, MemoryHashStore store) {
    ArrayNode out = w.array();
    for (String[] c : INCLUSION) {
      int index = Integer.parseInt(c[0]);
      int size = Integer.parseInt(c[1]);
      List<Hash> want = parse(c);
      if (!Proofs.proveInclusion(index, size, store).hashes().equals(want)) {
        throw new IllegalStateException("inclusion " + index + "/" + size + " differs");
      }
      Hash leaf = Hash.fromHex(NODES[0][index]);
      Proofs.checkInclusion(new InclusionProof(index, size, want), leaf, Hash.fromHex(ROOTS[size]));
      ObjectNode o = out.addObject().put("index", index).put("treeSize", size);
      o.put("leafHash", leaf.toHex()).put("root", ROOTS[size]);
      o.set("proof", HashJson.hashes(w, want));
    }
    return out;
  }

  private static ArrayNode consistency(VectorWriter w, MemoryHashStore store) {
    ArrayNode out = w.array();
    for (String[] c : CONSISTENCY) {
      int m = Integer.parseInt(c[0]);
      int n = Integer.parseInt(c[1]);
      List<Hash> want = parse(c);
      if (!Proofs.proveConsistency(m, n, store).hashes().equals(want)) {
        throw new IllegalStateException("consistency " + m + "/" + n + " differs");
      }
      Proofs.checkConsistency(
          new ConsistencyProof(m, n, want), Hash.fromHex(ROOTS[m]), Hash.fromHex(ROOTS[n]));
      ObjectNode o = out.addObject().put("first", m).put("second", n);
      o.put("firstRoot", ROOTS[m]).put("secondRoot", ROOTS[n]);
      o.set("proof", HashJson.hashes(w, want));
    }
    return out;
  }

  private static ArrayNode invalid(VectorWriter w) {
    ArrayNode out = w.array();
    Hash extra = Hash.fromHex(NODES[0][0]);
    for (String[] c : INCLUSION) {
      int index = Integer.parseInt(c[0]);
      int size = Integer.parseInt(c[1]);
      List<Hash> proof = parse(c);
      if (proof.size() < 2) {
        continue;
      }
      String at = "inclusion " + index + "/" + size + ": ";
      badInclusion(
          out, at + "flipped bit", index, index, size, HashJson.flip(proof, 0), "RootMismatch");
      badInclusion(
          out,
          at + "missing hash",
          index,
          index,
          size,
          proof.subList(0, proof.size() - 1),
          "ProofLength");
      badInclusion(out, at + "extra hash", index, index, size, plus(proof, extra), "ProofLength");
      badInclusion(out, at + "wrong index", index, index ^ 1, size, proof, "RootMismatch");
    }
    for (String[] c : CONSISTENCY) {
      int m = Integer.parseInt(c[0]);
      int n = Integer.parseInt(c[1]);
      List<Hash> proof = parse(c);
      if (proof.size() < 2) {
        continue;
      }
      String at = "consistency " + m + "/" + n + ": ";
      badConsistency(out, at + "flipped bit", m, n, HashJson.flip(proof, 1), "RootMismatch");
      badConsistency(
          out, at + "missing hash", m, n, proof.subList(0, proof.size() - 1), "ProofLength");
      badConsistency(out, at + "extra hash", m, n, plus(proof, extra), "ProofLength");
    }
    return out;
  }

  private static void badInclusion(
      ArrayNode out,
      String name,
      int leafIndex,
      int index,
      int size,
      List<Hash> proof,
      String error) {
    Hash leaf = Hash.fromHex(NODES[0][leafIndex]);
    Hash root = Hash.fromHex(ROOTS[size]);
    String label =
        HashJson.confirm(
            name,
            error + "Exception",
            () -> Proofs.checkInclusion(new InclusionProof(index, size, proof), leaf, root));
    ObjectNode o = out.addObject().put("name", name).put("type", "inclusion");
    o.put("index", index)
        .put("treeSize", size)
        .put("leafHash", leaf.toHex())
        .put("root", root.toHex());
    ArrayNode hs = o.putArray("proof");
    proof.forEach(h -> hs.add(h.toHex()));
    o.put("error", label);
  }

  private static void badConsistency(
      ArrayNode out, String name, int m, int n, List<Hash> proof, String error) {
    String label =
        HashJson.confirm(
            name,
            error + "Exception",
            () ->
                Proofs.checkConsistency(
                    new ConsistencyProof(m, n, proof),
                    Hash.fromHex(ROOTS[m]),
                    Hash.fromHex(ROOTS[n])));
    ObjectNode o = out.addObject().put("name", name).put("type", "consistency");
    o.put("first", m).put("second", n).put("firstRoot", ROOTS[m]).put("secondRoot", ROOTS[n]);
    ArrayNode hs = o.putArray("proof");
    proof.forEach(h -> hs.add(h.toHex()));
    o.put("error", label);
  }

  private static List<Hash> plus(List<Hash> hs, Hash extra) {
    List<Hash> out = new ArrayList<>(hs);
    out.add(extra);
    return out;
  }

  private static List<Hash> parse(String[] row) {
    return Arrays.stream(row, 2, row.length).map(Hash::fromHex).toList();
  }

  private static void require(Hash want, Hash got, String what) {
    if (!want.equals(got)) {
      throw new IllegalStateException(what + ": computed " + got + ", published " + want);
    }
  }
}
