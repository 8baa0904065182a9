package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.MemoryHashStore;
import java.util.List;

/**
 * spec/vectors/hashing/*.json: leaf and node hashes, tree roots, compact ranges (spec/hashing.md).
 */
public final class HashingVectors {
  static final int TREE_SIZE = 33;

  private HashingVectors() {}

  public static void writeAll(VectorWriter w) {
    writeLeaves(w);
    writeNodes(w);
    writeTree(w);
    writeCompact(w);
  }

  private static void writeLeaves(VectorWriter w) {
    String[] inputs = {
      "",
      "00",
      "01",
      "10",
      "2021",
      "74657374",
      hex(HashJson.entry(0)),
      hex(new byte[64]),
      hex(repeat(0xff, 100))
    };
    ArrayNode cases = w.array();
    for (String in : inputs) {
      cases
          .addObject()
          .put("input", in)
          .put("leafHash", TreeHasher.leafHash(HashJson.unhex(in)).toHex());
    }
    ObjectNode root = w.object();
    root.put("description", "leafHash = SHA-256(0x00 || input); inputs and hashes in hex");
    root.put("emptyTreeRoot", TreeHasher.emptyRoot().toHex());
    root.set("cases", cases);
    w.write("hashing/leaf.json", root);
  }

  private static void writeNodes(VectorWriter w) {
    Hash a = TreeHasher.leafHash(new byte[0]);
    Hash b = TreeHasher.leafHash(new byte[] {0});
    Hash[][] pairs = {{a, b}, {b, a}, {a, a}, {Hash.ZERO, Hash.ZERO}, {Hash.ZERO, a}};
    ArrayNode cases = w.array();
    for (Hash[] p : pairs) {
      cases
          .addObject()
          .put("left", p[0].toHex())
          .put("right", p[1].toHex())
          .put("hash", TreeHasher.nodeHash(p[0], p[1]).toHex());
    }
    ObjectNode root = w.object();
    root.put("description", "nodeHash = SHA-256(0x01 || left || right)");
    root.set("cases", cases);
    w.write("hashing/node.json", root);
  }

  private static void writeTree(VectorWriter w) {
    List<Hash> leaves = HashJson.leafHashes(TREE_SIZE);
    MemoryHashStore store = new MemoryHashStore();
    ArrayNode roots = w.array();
    roots.addObject().put("treeSize", 0).put("root", store.root().toHex());
    for (Hash leaf : leaves) {
      store.append(leaf);
      roots.addObject().put("treeSize", store.size()).put("root", store.root().toHex());
    }
    ObjectNode root = w.object();
    root.put(
        "description", "RFC 9162 §2.1.1 MTH of the first treeSize leaves; " + HashJson.ENTRIES);
    root.set("leafHashes", HashJson.hashes(w, leaves));
    root.set("roots", roots);
    w.write("hashing/tree.json", root);
  }

  private static void writeCompact(VectorWriter w) {
    List<Hash> leaves = HashJson.leafHashes(TREE_SIZE);
    long[][] ranges = {
      {0, 0}, {0, 1}, {0, 7}, {0, 8}, {0, 33}, {3, 13}, {5, 6}, {16, 32}, {1, 32}, {17, 31}, {9, 9}
    };
    ArrayNode cases = w.array();
    for (long[] r : ranges) {
      CompactRange range = CompactRange.empty(r[0]);
      range.appendAll(leaves.subList((int) r[0], (int) r[1]), null);
      ObjectNode c = cases.addObject().put("begin", r[0]).put("end", r[1]);
      ArrayNode nodes = c.putArray("nodes");
      List<NodeId> ids = CompactRange.decompose(r[0], r[1]);
      for (int i = 0; i < ids.size(); i++) {
        nodes
            .addObject()
            .put("level", ids.get(i).level())
            .put("index", ids.get(i).index())
            .put("hash", range.hashes().get(i).toHex());
      }
      if (r[0] == 0) {
        c.put("root", range.root().toHex());
      }
    }
    ObjectNode root = w.object();
    root.put(
        "description",
        "compact ranges over the leaves of hashing/tree.json: the maximal complete subtrees covering"
            + " [begin, end), left to right; root (only for begin 0) is their right fold");
    root.set("cases", cases);
    w.write("hashing/compact.json", root);
  }

  private static String hex(byte[] b) {
    return HashJson.hex(b);
  }

  private static byte[] repeat(int value, int n) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }
}
