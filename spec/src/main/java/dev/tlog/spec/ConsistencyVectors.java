package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import java.util.ArrayList;
import java.util.List;

/** proofs/consistency.json: valid proofs, the size-0 and equal-size edges, and mutations. */
final class ConsistencyVectors {
  private static final int[] LARGER_SIZES = {13, 32, 33, 100, 1000};
  private static final int[][] MUTATED = {
    {1, 2}, {3, 7}, {4, 8}, {6, 8}, {5, 13}, {32, 33}, {100, 1000}
  };

  private ConsistencyVectors() {}

  static void write(VectorWriter w) {
    MemoryHashStore store = MemoryHashStore.of(HashJson.leafHashes(1000));
    ArrayNode cases = w.array();
    for (int n = 0; n <= 8; n++) {
      for (int m = 0; m <= n; m++) {
        addValid(w, cases, store, m, n);
      }
    }
    for (int n : LARGER_SIZES) {
      for (int m : new int[] {1, 2, 3, n / 2, n - 1, n}) {
        addValid(w, cases, store, m, n);
      }
    }
    for (int[] c : MUTATED) {
      addMutations(w, cases, store, c[0], c[1]);
    }
    addEdgeMutations(w, cases, store);
    ObjectNode root = w.object();
    root.put(
        "description",
        "RFC 9162 §2.1.4 consistency proofs over one log; "
            + HashJson.ENTRIES
            + ". first == 0 or first == second: the proof is empty, see spec/proofs.md. A case"
            + " without \"error\" must verify; a case with one must be rejected with that error.");
    root.set("cases", cases);
    w.write("proofs/consistency.json", root);
  }

  private static void addValid(
      VectorWriter w, ArrayNode cases, MemoryHashStore store, long m, long n) {
    ConsistencyProof p = Proofs.proveConsistency(m, n, store);
    add(
        w,
        cases,
        "size " + m + " to " + n,
        p,
        Proofs.treeRoot(m, store),
        Proofs.treeRoot(n, store),
        null);
  }

  private static void addMutations(
      VectorWriter w, ArrayNode cases, MemoryHashStore store, long m, long n) {
    ConsistencyProof p = Proofs.proveConsistency(m, n, store);
    Hash r1 = Proofs.treeRoot(m, store);
    Hash r2 = Proofs.treeRoot(n, store);
    String base = "size " + m + " to " + n + ": ";
    List<Hash> h = p.hashes();
    for (int k = 0; k < h.size(); k++) {
      List<Hash> bad = new ArrayList<>(h);
      bad.set(k, HashJson.flip(h.get(k), (k * 5) % 32, 4));
      mutated(
          w, cases, base + "proof[" + k + "] bit flipped", new ConsistencyProof(m, n, bad), r1, r2);
    }
    mutated(
        w,
        cases,
        base + "last hash missing",
        new ConsistencyProof(m, n, h.subList(0, h.size() - 1)),
        r1,
        r2);
    mutated(
        w,
        cases,
        base + "first hash missing",
        new ConsistencyProof(m, n, h.subList(1, h.size())),
        r1,
        r2);
    List<Hash> extra = new ArrayList<>(h);
    extra.add(r2);
    mutated(w, cases, base + "extra hash", new ConsistencyProof(m, n, extra), r1, r2);
    mutated(w, cases, base + "empty proof", new ConsistencyProof(m, n, List.of()), r1, r2);
    mutated(w, cases, base + "first root bit flipped", p, HashJson.flip(r1, 1, 1), r2);
    mutated(w, cases, base + "second root bit flipped", p, r1, HashJson.flip(r2, 2, 2));
    mutated(w, cases, base + "roots swapped", p, r2, r1);
    mutated(w, cases, base + "first + 1", new ConsistencyProof(m + 1, n, h), r1, r2);
    mutated(w, cases, base + "first - 1", new ConsistencyProof(m - 1, n, h), r1, r2);
    mutated(w, cases, base + "second + 1", new ConsistencyProof(m, n + 1, h), r1, r2);
    mutated(w, cases, base + "second * 2", new ConsistencyProof(m, 2 * n, h), r1, r2);
    mutated(w, cases, base + "sizes swapped", new ConsistencyProof(n, m, h), r1, r2);
  }

  private static void addEdgeMutations(VectorWriter w, ArrayNode cases, MemoryHashStore store) {
    Hash empty = TreeHasher.emptyRoot();
    Hash r5 = Proofs.treeRoot(5, store);
    mutated(
        w,
        cases,
        "size 0 to 0: second root not empty",
        new ConsistencyProof(0, 0, List.of()),
        empty,
        r5);
    mutated(
        w,
        cases,
        "size 0 to 5: first root not empty",
        new ConsistencyProof(0, 5, List.of()),
        r5,
        r5);
    mutated(
        w,
        cases,
        "size 0 to 5: non-empty proof",
        new ConsistencyProof(0, 5, List.of(r5)),
        empty,
        r5);
    mutated(
        w, cases, "size 5 to 5: roots differ", new ConsistencyProof(5, 5, List.of()), r5, empty);
    mutated(
        w, cases, "size 5 to 5: non-empty proof", new ConsistencyProof(5, 5, List.of(r5)), r5, r5);
    mutated(w, cases, "size 6 to 5", new ConsistencyProof(6, 5, List.of()), r5, r5);
    mutated(w, cases, "size -1 to 5", new ConsistencyProof(-1, 5, List.of()), empty, r5);
  }

  /** Adds a mutation with its expected error, derived from the spec's order of checks. */
  private static void mutated(
      VectorWriter w, ArrayNode cases, String name, ConsistencyProof p, Hash r1, Hash r2) {
    String want;
    if (p.first() < 0 || p.first() > p.second()) {
      want = "IndexOutOfRange";
    } else if (Proofs.consistencyProofSize(p.first(), p.second()) != p.hashes().size()) {
      want = "ProofLength";
    } else {
      want = "RootMismatch";
    }
    if (!HashJson.failsWith(name, want, () -> Proofs.checkConsistency(p, r1, r2))) {
      if (want.equals("RootMismatch")) {
        return; // Same path shape for other sizes: a valid proof (see spec/proofs.md).
      }
      throw new IllegalStateException(name + ": verified, want " + want);
    }
    add(w, cases, name, p, r1, r2, want);
  }

  private static void add(
      VectorWriter w,
      ArrayNode cases,
      String name,
      ConsistencyProof p,
      Hash r1,
      Hash r2,
      String error) {
    ObjectNode c = cases.addObject();
    c.put("name", name);
    c.put("first", p.first());
    c.put("second", p.second());
    c.put("firstRoot", r1.toHex());
    c.put("secondRoot", r2.toHex());
    c.set("proof", HashJson.hashes(w, p.hashes()));
    if (error != null) {
      c.put("error", error);
    }
  }
}
