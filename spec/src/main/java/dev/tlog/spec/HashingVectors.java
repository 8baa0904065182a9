package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.compact.NodeVisitor;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import java.security.MessageDigest;
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
    ArrayNode invalid = w.array();
    for (String in : new String[] {"", "74657374"}) {
      byte[] data = HashJson.unhex(in);
      String what = in.isEmpty() ? "empty input" : "input " + in;
      badLeaf(invalid, "no 0x00 prefix, " + what, in, sha256(new byte[0], data).toHex());
      badLeaf(invalid, "0x01 prefix, " + what, in, sha256(new byte[] {1}, data).toHex());
      badLeaf(
          invalid,
          "flipped bit, " + what,
          in,
          HashJson.flip(TreeHasher.leafHash(data), 31, 0).toHex());
    }
    badLeaf(invalid, "31-byte hash", "74657374", hex(new byte[31]));
    badLeaf(invalid, "33-byte hash", "74657374", hex(new byte[33]));
    badLeaf(invalid, "not hex", "74657374", "zz" + hex(new byte[31]));
    ObjectNode root = w.object();
    root.put(
        "description",
        "leafHash = SHA-256(0x00 || input); inputs and hashes in hex. invalid: a leafHash that is"
            + " not the leaf's hash (as the root of the one-leaf tree) or not a hash");
    root.put("emptyTreeRoot", TreeHasher.emptyRoot().toHex());
    root.set("cases", cases);
    root.set("invalid", invalid);
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
    ArrayNode invalid = w.array();
    Hash good = TreeHasher.nodeHash(a, b);
    badNode(invalid, "children swapped", a, b, TreeHasher.nodeHash(b, a).toHex());
    badNode(invalid, "no 0x01 prefix", a, b, sha256(new byte[0], a.bytes(), b.bytes()).toHex());
    badNode(invalid, "0x00 prefix", a, b, sha256(new byte[] {0}, a.bytes(), b.bytes()).toHex());
    badNode(invalid, "flipped bit", a, b, HashJson.flip(good, 0, 7).toHex());
    badNode(invalid, "hash of 31 bytes", a, b, hex(new byte[31]));
    ObjectNode root = w.object();
    root.put(
        "description",
        "nodeHash = SHA-256(0x01 || left || right). invalid: a hash that is not the node's (as the"
            + " root of the two-leaf tree left, right) or not a hash");
    root.set("cases", cases);
    root.set("invalid", invalid);
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
    ArrayNode invalid = w.array();
    for (int n : new int[] {0, 1, 2, 7, 8, 33}) {
      Hash want = MemoryHashStore.of(leaves.subList(0, n)).root();
      badRoot(invalid, "flipped bit, size " + n, n, want, HashJson.flip(want, 5, 3));
      if (n > 0) {
        Hash smaller = MemoryHashStore.of(leaves.subList(0, n - 1)).root();
        badRoot(invalid, "root of size " + (n - 1) + " for size " + n, n, want, smaller);
      }
      if (n < TREE_SIZE) {
        Hash larger = MemoryHashStore.of(leaves.subList(0, n + 1)).root();
        badRoot(invalid, "root of size " + (n + 1) + " for size " + n, n, want, larger);
      }
    }
    ObjectNode root = w.object();
    root.put(
        "description",
        "RFC 9162 §2.1.1 MTH of the first treeSize leaves; "
            + HashJson.ENTRIES
            + ". invalid: roots that are not the MTH of treeSize leaves");
    root.set("leafHashes", HashJson.hashes(w, leaves));
    root.set("roots", roots);
    root.set("invalid", invalid);
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
    ArrayNode invalid = w.array();
    List<Hash> h7 = CompactRange.of(0, 7, hashesOf(leaves, 0, 7)).hashes();
    badCompact(invalid, "too few hashes", 0, 7, h7.subList(0, 2), null);
    badCompact(invalid, "too many hashes", 0, 7, plus(h7, h7.get(0)), null);
    badCompact(invalid, "end before begin", 5, 3, List.of(), null);
    badCompact(invalid, "negative begin", -1, 3, List.of(), null);
    badCompact(invalid, "root of a range not starting at 0", 3, 13, hashesOf(leaves, 3, 13), null);
    badCompact(
        invalid,
        "merge of a range that does not start at this one's end",
        0,
        7,
        h7,
        new long[] {8, 9});
    ObjectNode root = w.object();
    root.put(
        "description",
        "compact ranges over the leaves of hashing/tree.json: the maximal complete subtrees covering"
            + " [begin, end), left to right; root (only for begin 0) is their right fold. invalid:"
            + " CompactRange.of(begin, end, hashes) then root(), or merge with the range [merge[0],"
            + " merge[1]) of the same leaves, must fail");
    root.set("cases", cases);
    root.set("invalid", invalid);
    w.write("hashing/compact.json", root);
  }

  private static void badLeaf(ArrayNode out, String name, String input, String leafHash) {
    String error =
        leafHash.length() == 2 * Hash.SIZE && !leafHash.startsWith("zz")
            ? "RootMismatchException"
            : "InvalidHashException";
    HashJson.confirm(
        name,
        error,
        () ->
            Proofs.checkInclusion(
                new InclusionProof(0, 1, List.of()),
                TreeHasher.leafHash(HashJson.unhex(input)),
                Hash.fromHex(leafHash)));
    out.addObject()
        .put("name", name)
        .put("input", input)
        .put("leafHash", leafHash)
        .put("error", error);
  }

  private static void badNode(ArrayNode out, String name, Hash left, Hash right, String hash) {
    String error =
        hash.length() == 2 * Hash.SIZE ? "RootMismatchException" : "InvalidHashException";
    HashJson.confirm(
        name,
        error,
        () ->
            Proofs.checkInclusion(
                new InclusionProof(0, 2, List.of(right)), left, Hash.fromHex(hash)));
    out.addObject()
        .put("name", name)
        .put("left", left.toHex())
        .put("right", right.toHex())
        .put("hash", hash)
        .put("error", error);
  }

  private static void badRoot(ArrayNode out, String name, int n, Hash want, Hash root) {
    String error =
        HashJson.confirm(
            name,
            "RootMismatchException",
            () -> Proofs.checkConsistency(new ConsistencyProof(n, n, List.of()), want, root));
    out.addObject()
        .put("name", name)
        .put("treeSize", n)
        .put("root", root.toHex())
        .put("error", error);
  }

  private static void badCompact(
      ArrayNode out, String name, long begin, long end, List<Hash> hashes, long[] merge) {
    List<Hash> leaves = HashJson.leafHashes(TREE_SIZE);
    NodeVisitor ignore = (id, h) -> {};
    String error =
        HashJson.confirm(
            name,
            merge == null ? "InvalidRangeException" : "NonAdjacentRangeException",
            () -> {
              CompactRange r = CompactRange.of(begin, end, hashes);
              if (merge == null) {
                r.root();
              } else {
                r.merge(
                    CompactRange.of(
                        merge[0], merge[1], hashesOf(leaves, (int) merge[0], (int) merge[1])),
                    ignore);
              }
            });
    ObjectNode c = out.addObject().put("name", name).put("begin", begin).put("end", end);
    ArrayNode hs = c.putArray("hashes");
    hashes.forEach(h -> hs.add(h.toHex()));
    if (merge != null) {
      c.putArray("merge").add(merge[0]).add(merge[1]);
    }
    c.put("error", error);
  }

  private static List<Hash> hashesOf(List<Hash> leaves, int begin, int end) {
    CompactRange r = CompactRange.empty(begin);
    r.appendAll(leaves.subList(begin, end), null);
    return r.hashes();
  }

  private static List<Hash> plus(List<Hash> hs, Hash extra) {
    List<Hash> out = new java.util.ArrayList<>(hs);
    out.add(extra);
    return out;
  }

  private static Hash sha256(byte[] prefix, byte[]... parts) {
    MessageDigest d = TreeHasher.sha256();
    d.update(prefix);
    for (byte[] p : parts) {
      d.update(p);
    }
    return Hash.of(d.digest());
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
