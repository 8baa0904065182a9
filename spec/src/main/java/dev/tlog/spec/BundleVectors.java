package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Writes spec/vectors/bundle/bundles.json: evidence bundles (spec/evidence-bundle.md) over a log of
 * 7 entries with fixed keys, valid ones and mutations each labelled with the expected failure.
 */
public final class BundleVectors {
  static final String ORIGIN = "log.tlog.example/bundle";
  static final String WITNESS = "witness.tlog.example/w1";
  static final int SIZE = 7;
  static final long COSIGNED_AT = 1_700_000_000L;

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

    EvidenceBundle b = bundle(vkey, List.of(), plain, tree, 2, 5);
    b = withEntry(b, 1, e -> entry(e.index(), HashJson.entry(4), e.leafHash(), e.proof()));
    bad(cases, "tampered-entry-data", b, vkey, "LEAF_HASH");

    b = bundle(vkey, List.of(), plain, tree, 5);
    b = withEntry(b, 0, e -> entry(e.index(), HashJson.entry(4), leaves.get(4), e.proof()));
    bad(cases, "tampered-entry-data-and-leaf-hash", b, vkey, "INCLUSION_PROOF");

    b = bundle(vkey, List.of(), plain, tree, 5);
    b = withProof(b, p -> p.set(1, HashJson.flip(p.get(1), 0, 0)));
    bad(cases, "tampered-proof-hash", b, vkey, "INCLUSION_PROOF");

    b = bundle(vkey, List.of(), plain, tree, 5);
    b = withProof(b, p -> p.remove(2));
    bad(cases, "missing-proof-hash", b, vkey, "INCLUSION_PROOF");

    b = bundle(vkey, List.of(), plain, tree, 5);
    b = withEntry(b, 0, e -> entry(4, e.data(), e.leafHash(), e.proof()));
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
    ObjectNode extra = BundleCodec.tree(bundle(vkey, List.of(), plain, tree, 3));
    extra.put("comment", "extra");
    raw(cases, "extra-field", utf8(BundleCodec.canonical(extra)), vkey);
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

  private static EvidenceBundle bundle(
      String vkey, List<String> witnesses, String note, MemoryHashStore tree, long... indexes) {
    List<EvidenceBundle.Entry> entries = new ArrayList<>();
    for (long i : indexes) {
      entries.add(
          entry(
              i,
              HashJson.entry((int) i),
              HashJson.leafHashes(SIZE).get((int) i),
              Proofs.proveInclusion(i, tree.size(), tree).hashes()));
    }
    return new EvidenceBundle(ORIGIN, vkey, witnesses, note, entries);
  }

  private static EvidenceBundle.Entry entry(long index, byte[] data, Hash leaf, List<Hash> proof) {
    return new EvidenceBundle.Entry(index, data, leaf, proof);
  }

  /** {@code b} with entry {@code i} replaced by {@code change} of it. */
  private static EvidenceBundle withEntry(
      EvidenceBundle b, int i, UnaryOperator<EvidenceBundle.Entry> change) {
    List<EvidenceBundle.Entry> entries = new ArrayList<>(b.entries());
    entries.set(i, change.apply(entries.get(i)));
    return new EvidenceBundle(b.origin(), b.logVkey(), b.witnessVkeys(), b.checkpoint(), entries);
  }

  /** {@code b} with the first entry's proof edited by {@code edit}. */
  private static EvidenceBundle withProof(EvidenceBundle b, Consumer<List<Hash>> edit) {
    return withEntry(
        b,
        0,
        e -> {
          List<Hash> proof = new ArrayList<>(e.proof());
          edit.accept(proof);
          return entry(e.index(), e.data(), e.leafHash(), proof);
        });
  }

  /** The canonical encoding, by the one bundle encoder the client uses too. */
  static String canonical(EvidenceBundle b) {
    return utf8(BundleCodec.encode(b));
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void ok(ArrayNode cases, String name, EvidenceBundle b, String trusted) {
    ObjectNode c = cases.addObject().put("name", name).put("bundle", canonical(b));
    c.put("trusted_vkey", trusted);
    ObjectNode expect = c.putObject("expect");
    expect.put("tree_size", Integer.toString(SIZE));
    ArrayNode idx = expect.putArray("indexes");
    b.entries().forEach(e -> idx.add(Long.toString(e.index())));
    expect.put("cosigners", b.witnessVkeys().size());
  }

  private static void bad(
      ArrayNode cases, String name, EvidenceBundle b, String trusted, String error) {
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
