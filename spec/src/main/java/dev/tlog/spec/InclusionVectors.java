package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import java.util.ArrayList;
import java.util.List;

/** proofs/inclusion.json: valid proofs and labelled mutations of some of them. */
final class InclusionVectors {
  private static final int[] LARGER_SIZES = {13, 31, 32, 33, 64, 100, 255, 257, 1000};
  private static final int[][] MUTATED = {
    {0, 1}, {2, 3}, {5, 8}, {4, 5}, {12, 13}, {63, 100}, {999, 1000}
  };

  private InclusionVectors() {}

  static void write(VectorWriter w) {
    MemoryHashStore store = MemoryHashStore.of(HashJson.leafHashes(1000));
    List<Hash> leaves = HashJson.leafHashes(1000);
    ArrayNode cases = w.array();
    for (int n = 1; n <= 8; n++) {
      for (int i = 0; i < n; i++) {
        addValid(w, cases, store, leaves, i, n);
      }
    }
    for (int n : LARGER_SIZES) {
      for (int i : new int[] {0, 1, n / 2, n - 2, n - 1}) {
        addValid(w, cases, store, leaves, i, n);
      }
    }
    for (int[] c : MUTATED) {
      addMutations(w, cases, store, leaves, c[0], c[1]);
    }
    ObjectNode root = w.object();
    root.put(
        "description",
        "RFC 9162 §2.1.3 inclusion proofs over one log; "
            + HashJson.ENTRIES
            + ". A case without \"error\" must verify; a case with one must be rejected with that"
            + " error (checks in order: IndexOutOfRange, ProofLength, RootMismatch).");
    root.set("cases", cases);
    w.write("proofs/inclusion.json", root);
  }

  private static void addValid(
      VectorWriter w, ArrayNode cases, MemoryHashStore store, List<Hash> leaves, int i, int n) {
    InclusionProof p = Proofs.proveInclusion(i, n, store);
    add(w, cases, "index " + i + " size " + n, p, leaves.get(i), Proofs.treeRoot(n, store), null);
  }

  private static void addMutations(
      VectorWriter w, ArrayNode cases, MemoryHashStore store, List<Hash> leaves, int i, int n) {
    InclusionProof p = Proofs.proveInclusion(i, n, store);
    Hash leaf = leaves.get(i);
    Hash root = Proofs.treeRoot(n, store);
    String base = "index " + i + " size " + n + ": ";
    List<Hash> h = p.hashes();
    for (int k = 0; k < h.size(); k++) {
      List<Hash> bad = new ArrayList<>(h);
      bad.set(k, HashJson.flip(h.get(k), k % 32, 3));
      mutated(
          w,
          cases,
          base + "proof[" + k + "] bit flipped",
          new InclusionProof(i, n, bad),
          leaf,
          root);
    }
    if (!h.isEmpty()) {
      mutated(
          w,
          cases,
          base + "last hash missing",
          new InclusionProof(i, n, h.subList(0, h.size() - 1)),
          leaf,
          root);
    }
    List<Hash> extra = new ArrayList<>(h);
    extra.add(root);
    mutated(w, cases, base + "extra hash", new InclusionProof(i, n, extra), leaf, root);
    mutated(w, cases, base + "leaf bit flipped", p, HashJson.flip(leaf, 0, 0), root);
    mutated(w, cases, base + "root bit flipped", p, leaf, HashJson.flip(root, 31, 7));
    mutated(w, cases, base + "index + 1", new InclusionProof(i + 1L, n, h), leaf, root);
    mutated(w, cases, base + "index - 1", new InclusionProof(i - 1L, n, h), leaf, root);
    mutated(w, cases, base + "index = size", new InclusionProof(n, n, h), leaf, root);
    mutated(w, cases, base + "size + 1", new InclusionProof(i, n + 1L, h), leaf, root);
    mutated(w, cases, base + "size * 2", new InclusionProof(i, 2L * n, h), leaf, root);
    mutated(w, cases, base + "size = index", new InclusionProof(i, i, h), leaf, root);
  }

  /** Adds a mutation with its expected error, derived from the spec's order of checks. */
  private static void mutated(
      VectorWriter w, ArrayNode cases, String name, InclusionProof p, Hash leaf, Hash root) {
    String want;
    if (p.index() < 0 || p.index() >= p.treeSize()) {
      want = "IndexOutOfRange";
    } else if (Proofs.inclusionProofSize(p.index(), p.treeSize()) != p.hashes().size()) {
      want = "ProofLength";
    } else if (!Proofs.rootFromInclusion(p, leaf).equals(root)) {
      want = "RootMismatch";
    } else {
      return; // Same path shape: this "mutation" is a valid proof (see spec/proofs.md).
    }
    if (!HashJson.failsWith(name, want, () -> Proofs.checkInclusion(p, leaf, root))) {
      throw new IllegalStateException(name + ": verified, want " + want);
    }
    add(w, cases, name, p, leaf, root, want);
  }

  private static void add(
      VectorWriter w,
      ArrayNode cases,
      String name,
      InclusionProof p,
      Hash leaf,
      Hash root,
      String error) {
    ObjectNode c = cases.addObject();
    c.put("name", name);
    c.put("index", p.index());
    c.put("treeSize", p.treeSize());
    c.put("leafHash", leaf.toHex());
    c.put("root", root.toHex());
    c.set("proof", HashJson.hashes(w, p.hashes()));
    if (error != null) {
      c.put("error", error);
    }
  }
}
