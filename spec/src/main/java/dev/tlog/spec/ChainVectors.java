package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.chain.ChainMismatchException;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** spec/vectors/chain/chain.json: chain heads and segment checks (spec/chain.md). */
public final class ChainVectors {
  private static final String[] REFERENCE_INPUTS = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  private ChainVectors() {}

  public static void writeAll(VectorWriter w) {
    ArrayNode chains = w.array();
    List<byte[]> reference = new ArrayList<>();
    for (String in : REFERENCE_INPUTS) {
      reference.add(HashJson.unhex(in));
    }
    chains.add(chain(w, "RFC 6962 reference entries", reference));
    List<byte[]> generated = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      generated.add(HashJson.entry(i));
    }
    chains.add(chain(w, "tlog entries 0..19", generated));

    ObjectNode root = w.object();
    root.put(
        "description",
        "C[-1] = 32 zero bytes, C[i] = SHA-256(C[i-1] || L[i]), L[i] = SHA-256(0x00 || entry i);"
            + " heads[i] is C[i]. Segments: extending before by leafHashes must give after; a case"
            + " with \"error\" must be rejected. "
            + HashJson.ENTRIES);
    root.put("initial", HashChain.initial().toHex());
    root.set("chains", chains);
    root.set("segments", segments(w, HashJson.leafHashes(20)));
    w.write("chain/chain.json", root);
  }

  private static ObjectNode chain(VectorWriter w, String name, List<byte[]> entries) {
    ObjectNode c = w.object();
    c.put("name", name);
    ArrayNode in = c.putArray("entries");
    List<Hash> leaves = new ArrayList<>();
    List<Hash> heads = new ArrayList<>();
    Hash head = HashChain.initial();
    for (byte[] e : entries) {
      in.add(HashJson.hex(e));
      Hash leaf = TreeHasher.leafHash(e);
      leaves.add(leaf);
      head = HashChain.next(head, leaf);
      heads.add(head);
    }
    c.set("leafHashes", HashJson.hashes(w, leaves));
    c.set("heads", HashJson.hashes(w, heads));
    return c;
  }

  private static ArrayNode segments(VectorWriter w, List<Hash> leaves) {
    ArrayNode out = w.array();
    Hash c4 = HashChain.extend(HashChain.initial(), leaves.subList(0, 5));
    List<Hash> seg = leaves.subList(5, 12);
    Hash after = HashChain.extend(c4, seg);
    add(
        w,
        out,
        "entries 0..19 from C[-1]",
        HashChain.initial(),
        leaves,
        HashChain.extend(Hash.ZERO, leaves));
    add(w, out, "entries 5..11 from C[4]", c4, seg, after);
    add(w, out, "empty segment", c4, List.of(), c4);
    List<Hash> flipped = new ArrayList<>(seg);
    flipped.set(3, HashJson.flip(seg.get(3), 17, 2));
    add(w, out, "entries 5..11: leaf 8 bit flipped", c4, flipped, after);
    add(w, out, "entries 5..11: leaf 11 missing", c4, seg.subList(0, seg.size() - 1), after);
    add(w, out, "entries 5..11: leaf 5 missing", c4, seg.subList(1, seg.size()), after);
    List<Hash> extra = new ArrayList<>(seg);
    extra.add(leaves.get(12));
    add(w, out, "entries 5..11: extra leaf 12", c4, extra, after);
    List<Hash> swapped = new ArrayList<>(seg);
    Collections.swap(swapped, 0, 1);
    add(w, out, "entries 5..11: leaves 5 and 6 swapped", c4, swapped, after);
    add(w, out, "entries 5..11: before bit flipped", HashJson.flip(c4, 0, 0), seg, after);
    add(w, out, "entries 5..11: after bit flipped", c4, seg, HashJson.flip(after, 31, 0));
    add(
        w,
        out,
        "entries 5..11 from C[3] instead of C[4]",
        HashChain.extend(Hash.ZERO, leaves.subList(0, 4)),
        seg,
        after);
    return out;
  }

  private static void add(
      VectorWriter w, ArrayNode out, String name, Hash before, List<Hash> seg, Hash after) {
    ObjectNode c = out.addObject();
    c.put("name", name);
    c.put("before", before.toHex());
    c.set("leafHashes", HashJson.hashes(w, seg));
    c.put("after", after.toHex());
    try {
      HashChain.checkSegment(before, seg, after);
    } catch (ChainMismatchException e) {
      c.put("error", "ChainMismatch");
    }
  }
}
