package dev.tlog.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import java.util.List;

/**
 * Writes spec/vectors/bundle/bundles.json: evidence bundles (spec/evidence-bundle.md) over a log of
 * 7 entries with fixed keys, valid ones and mutations each labelled with the expected failure.
 */
public final class BundleVectors {
  static final String ORIGIN = "log.tlog.example/bundle";
  static final String WITNESS = "witness.tlog.example/w1";
  static final int SIZE = 7;
  static final long COSIGNED_AT = 1_700_000_000L;

  /** spec/evidence-bundle.md, "Instructions": the exact lines of every v1 bundle. */
  static final List<String> INSTRUCTIONS =
      List.of(
          "This file is evidence that each entry listed in it is recorded in the transparency log"
              + " named by origin, at the given index, in the tree of the signed checkpoint.",
          "Quick check: tlog verify-bundle --vkey <the log's verifier key> <this file>. It needs no"
              + " network access.",
          "Step 1: obtain the log's verifier key from a source you trust (not from this file) and"
              + " check that it equals log_vkey.",
          "Step 2: check the checkpoint's Ed25519 signature with that key (spec/signed-note.md);"
              + " the checkpoint's first line must equal origin.",
          "Step 3: for each entry, compute SHA-256 of the byte 00 followed by the bytes of data_hex;"
              + " it must equal leaf_hash_hex.",
          "Step 4: hash the leaf hash with each inclusion_proof_hex value in turn, as SHA-256 of the"
              + " byte 01 followed by left and right, taking the side from the index as"
              + " spec/proofs.md describes.",
          "Step 5: the last hash must equal the root hash on the checkpoint's third line (base64)."
              + " If every step passes, the log committed to these entries in this checkpoint.");

  private static final ObjectMapper JSON = new ObjectMapper();

  private BundleVectors() {}

  public static void writeAll(VectorWriter w) {
    Ed25519NoteSigner log = new Ed25519NoteSigner(ORIGIN, Seeds.keySeed(ORIGIN));
    Ed25519NoteSigner stranger = new Ed25519NoteSigner(ORIGIN, Seeds.keySeed("bundle stranger"));
    Cosigner witness = new Cosigner(WITNESS, Seeds.keySeed("bundle witness"));
    List<Hash> leaves = HashJson.leafHashes(SIZE);
    MemoryHashStore tree = MemoryHashStore.of(leaves);
    Checkpoint cp =
        new Checkpoint(
            ORIGIN,
            SIZE,
            tree.root(),
            List.of(ChainHeadExtension.line(HashChain.extend(HashChain.initial(), leaves))));
    Note signed = Checkpoints.sign(cp, log);
    String plain = signed.serialize();
    String cosigned = signed.withSignature(witness.cosign(cp, COSIGNED_AT)).serialize();
    String vkey = log.verifierKey();
    List<String> wkeys = List.of(witness.verifierKey());

    ArrayNode cases = w.array();
    ok(cases, "one-entry", bundle(vkey, List.of(), plain, tree, 3), vkey);
    ok(cases, "range-cosigned", bundle(vkey, wkeys, cosigned, tree, 0, 1, 2, 3, 4), vkey);
    ok(cases, "last-entry-unpinned", bundle(vkey, List.of(), plain, tree, 6), null);

    ObjectNode b = bundle(vkey, List.of(), plain, tree, 2, 5);
    entry(b, 1).put("data_hex", HashJson.hex(HashJson.entry(4)));
    bad(cases, "tampered-entry-data", b, vkey, "LEAF_HASH");

    b = bundle(vkey, List.of(), plain, tree, 5);
    entry(b, 0)
        .put("data_hex", HashJson.hex(HashJson.entry(4)))
        .put("leaf_hash_hex", leaves.get(4).toHex());
    bad(cases, "tampered-entry-data-and-leaf-hash", b, vkey, "INCLUSION_PROOF");

    b = bundle(vkey, List.of(), plain, tree, 5);
    ArrayNode proof = (ArrayNode) entry(b, 0).get("inclusion_proof_hex");
    proof.set(1, HashJson.flip(Hash.fromHex(proof.get(1).asText()), 0, 0).toHex());
    bad(cases, "tampered-proof-hash", b, vkey, "INCLUSION_PROOF");

    b = bundle(vkey, List.of(), plain, tree, 5);
    ((ArrayNode) entry(b, 0).get("inclusion_proof_hex")).remove(2);
    bad(cases, "missing-proof-hash", b, vkey, "INCLUSION_PROOF");

    b = bundle(vkey, List.of(), plain, tree, 5);
    entry(b, 0).put("index", "4");
    bad(cases, "wrong-index", b, vkey, "INCLUSION_PROOF");

    String foreign = Checkpoints.sign(cp, stranger).serialize();
    bad(
        cases,
        "wrong-checkpoint-key",
        bundle(vkey, List.of(), foreign, tree, 3),
        vkey,
        "CHECKPOINT");
    String grown = plain.replaceFirst("\n7\n", "\n8\n");
    bad(
        cases,
        "checkpoint-size-changed",
        bundle(vkey, List.of(), grown, tree, 3),
        vkey,
        "CHECKPOINT");
    bad(
        cases,
        "trusted-key-differs",
        bundle(vkey, List.of(), plain, tree, 3),
        stranger.verifierKey(),
        "LOG_KEY");
    bad(
        cases,
        "unlisted-cosignature",
        bundle(vkey, List.of(), cosigned, tree, 3),
        vkey,
        "UNKNOWN_SIGNATURE");

    String good = canonical(bundle(vkey, List.of(), plain, tree, 3));
    raw(cases, "truncated", good.substring(0, good.length() / 2), vkey);
    raw(cases, "non-canonical-whitespace", good.replaceFirst(" : ", ": "), vkey);
    raw(cases, "missing-final-newline", good.substring(0, good.length() - 1), vkey);
    raw(
        cases,
        "uppercase-hex",
        good.replace(leaves.get(3).toHex(), leaves.get(3).toHex().toUpperCase()),
        vkey);
    raw(cases, "instructions-changed", good.replace("Step 5: the last", "Step 5: any"), vkey);
    b = bundle(vkey, List.of(), plain, tree, 3);
    b.put("comment", "extra");
    raw(cases, "extra-field", canonical(b), vkey);
    raw(cases, "not-json", "tlog evidence\n", vkey);

    ObjectNode root = w.object();
    root.put(
        "description",
        "Evidence bundles (spec/evidence-bundle.md) over a log of 7 entries; "
            + HashJson.ENTRIES
            + ". Verify each bundle offline, trusting trusted_vkey (null: the bundle's own key);"
            + " a case with error must fail with that failure label (FORMAT = malformed).");
    root.put("log_vkey", vkey).put("witness_vkey", witness.verifierKey());
    root.set("cases", cases);
    w.write("bundle/bundles.json", root);
  }

  private static ObjectNode bundle(
      String vkey, List<String> witnesses, String note, MemoryHashStore tree, long... indexes) {
    ObjectNode b = JSON.createObjectNode();
    b.put("format", "tlog-evidence-bundle/v1").put("origin", ORIGIN).put("log_vkey", vkey);
    ArrayNode ws = b.putArray("witness_vkeys");
    witnesses.forEach(ws::add);
    b.put("checkpoint", note);
    ArrayNode entries = b.putArray("entries");
    for (long i : indexes) {
      ObjectNode e = entries.addObject();
      e.put("index", Long.toString(i))
          .put("data_hex", HashJson.hex(HashJson.entry((int) i)))
          .put("leaf_hash_hex", HashJson.leafHashes(SIZE).get((int) i).toHex());
      ArrayNode p = e.putArray("inclusion_proof_hex");
      Proofs.proveInclusion(i, tree.size(), tree).hashes().forEach(h -> p.add(h.toHex()));
    }
    ArrayNode ins = b.putArray("instructions");
    INSTRUCTIONS.forEach(ins::add);
    return b;
  }

  private static ObjectNode entry(ObjectNode bundle, int i) {
    return (ObjectNode) bundle.get("entries").get(i);
  }

  /** The canonical encoding: two-space indent, " : " separators, LF, final newline. */
  static String canonical(ObjectNode b) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(b) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void ok(ArrayNode cases, String name, ObjectNode b, String trusted) {
    ObjectNode c = cases.addObject().put("name", name).put("bundle", canonical(b));
    c.put("trusted_vkey", trusted);
    ObjectNode expect = c.putObject("expect");
    expect.put("tree_size", Integer.toString(SIZE));
    ArrayNode idx = expect.putArray("indexes");
    b.get("entries").forEach(e -> idx.add(e.get("index").asText()));
    expect.put("cosigners", b.get("witness_vkeys").size());
  }

  private static void bad(
      ArrayNode cases, String name, ObjectNode b, String trusted, String error) {
    cases
        .addObject()
        .put("name", name)
        .put("bundle", canonical(b))
        .put("trusted_vkey", trusted)
        .put("error", error);
  }

  private static void raw(ArrayNode cases, String name, String bundle, String trusted) {
    cases
        .addObject()
        .put("name", name)
        .put("bundle", bundle)
        .put("trusted_vkey", trusted)
        .put("error", "FORMAT");
  }
}
