package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.VerifierKey;
import java.util.Base64;

/** Writes spec/vectors/note/keys.json: verifier keys and private keys, valid and not. */
final class NoteKeyVectors {
  private static final String TD = "transparency-dev/formats note/note_cosigv1_test.go";

  private NoteKeyVectors() {}

  static void write(VectorWriter w) {
    ArrayNode vkeys = w.array();
    vkey(w, vkeys, "go-peter", NoteVectors.GO, NoteVectors.PETER_VKEY);
    vkey(w, vkeys, "go-enoch", NoteVectors.GO, NoteVectors.ENOCH_VKEY);
    vkey(w, vkeys, "c2sp-example", NoteVectors.C2SP, NoteVectors.C2SP_VKEY);
    vkey(w, vkeys, "td-ed25519", TD, "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6");
    vkey(
        w,
        vkeys,
        "td-cosignature",
        TD,
        "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
    Ed25519NoteSigner uni = NoteVectors.signer("журнал.example/日志");
    vkey(w, vkeys, "tlog-unicode-name", null, uni.verifierKey());
    vkey(
        w,
        vkeys,
        "tlog-cosigner",
        null,
        new Cosigner("witness.tlog.example", Seeds.keySeed("witness.tlog.example")).verifierKey());
    String peter = NoteVectors.PETER_VKEY;
    badVkey(
        w,
        vkeys,
        "go-wrong-length-key",
        NoteVectors.GO,
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "KeyFormatException");
    badVkey(
        w,
        vkeys,
        "go-unknown-algorithm",
        NoteVectors.GO,
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "UnsupportedKeyAlgorithmException");
    badVkey(
        w,
        vkeys,
        "td-ecdsa-unsupported",
        "transparency-dev/formats note/note_verifier_test.go",
        "rekor.sigstore.dev+c0d23d6a+AjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNhtmPtrWm3U1eQXBogSMdGvXwBcK5AW5i0hrZLOC96l+smGNM7nwZ4QvFK/4sueRoVj//QP22Ni4Qt9DPfkWLc=",
        "UnsupportedKeyAlgorithmException");
    badVkey(
        w,
        vkeys,
        "wrong-key-hash",
        null,
        peter.replace("c74f20a3", "c74f20a4"),
        "KeyFormatException");
    badVkey(
        w,
        vkeys,
        "uppercase-key-hash",
        null,
        peter.replace("c74f20a3", "C74F20A3"),
        "KeyFormatException");
    badVkey(
        w,
        vkeys,
        "short-key-hash",
        null,
        peter.replace("c74f20a3", "74f20a3"),
        "KeyFormatException");
    badVkey(w, vkeys, "missing-part", null, "PeterNeumann+c74f20a3", "KeyFormatException");
    badVkey(
        w,
        vkeys,
        "empty-name",
        null,
        peter.substring("PeterNeumann".length()),
        "KeyFormatException");
    badVkey(
        w,
        vkeys,
        "unpadded-base64",
        null,
        peter.substring(0, peter.length() - 1),
        "KeyFormatException");
    String k =
        String.format("with space+%08x+", VerifierKey.keyHash("with space", 1, new byte[32]))
            + Base64.getEncoder().encodeToString(withType(1, new byte[32]));
    badVkey(w, vkeys, "name-with-space", null, k, "KeyFormatException");

    ArrayNode skeys = w.array();
    skey(w, skeys, "go-peter", NoteVectors.GO, NoteVectors.PETER_SKEY, NoteVectors.PETER_VKEY);
    skey(
        w,
        skeys,
        "go-localhost",
        "golang.org/x/mod/sumdb/client_test.go",
        "PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk",
        "localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6");
    skey(w, skeys, "tlog-unicode-name", null, uni.privateKey(), uni.verifierKey());
    Cosigner cos = new Cosigner("witness.tlog.example", Seeds.keySeed("witness.tlog.example"));
    skey(w, skeys, "tlog-cosigner", null, cos.privateKey(), cos.verifierKey());
    String ps = NoteVectors.PETER_SKEY;
    badSkey(w, skeys, "wrong-key-hash", ps.replace("c74f20a3", "c74f20a4"), "KeyFormatException");
    badSkey(w, skeys, "missing-prefix", ps.substring("PRIVATE+".length()), "KeyFormatException");
    badSkey(w, skeys, "vkey-not-skey", NoteVectors.PETER_VKEY, "KeyFormatException");
    badSkey(
        w,
        skeys,
        "short-seed",
        "PRIVATE+KEY+n+00000000+" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}),
        "KeyFormatException");
    badSkey(
        w,
        skeys,
        "unknown-algorithm",
        "PRIVATE+KEY+n+00000000+" + Base64.getEncoder().encodeToString(new byte[33]),
        "UnsupportedKeyAlgorithmException");

    ObjectNode root = w.object();
    root.put(
        "description",
        "Verifier keys parse to (name, key hash, type); private keys derive the"
            + " given vkey (type 0x01 via Ed25519NoteSigner, 0x04 via Cosigner). See spec/signed-note.md.");
    root.set("verifier_keys", vkeys);
    root.set("private_keys", skeys);
    w.write("note/keys.json", root);
  }

  private static byte[] withType(int type, byte[] key) {
    byte[] out = new byte[key.length + 1];
    out[0] = (byte) type;
    System.arraycopy(key, 0, out, 1, key.length);
    return out;
  }

  private static ObjectNode named(VectorWriter w, String name, String source) {
    ObjectNode c = w.object().put("name", name);
    return source == null ? c : c.put("source", source);
  }

  private static void vkey(VectorWriter w, ArrayNode out, String name, String source, String vkey) {
    VerifierKey k = VerifierKey.parse(vkey);
    ObjectNode c = named(w, name, source).put("vkey", vkey);
    c.putObject("expect")
        .put("name", k.name())
        .put("key_hash", String.format("%08x", k.keyHash()))
        .put("algorithm", k.algorithm())
        .put("public_key_base64", Base64.getEncoder().encodeToString(k.publicKey()));
    out.add(c);
  }

  private static void badVkey(
      VectorWriter w, ArrayNode out, String name, String source, String vkey, String error) {
    out.add(named(w, name, source).put("vkey", vkey).put("error", error));
  }

  private static void skey(
      VectorWriter w, ArrayNode out, String name, String source, String skey, String vkey) {
    out.add(named(w, name, source).put("skey", skey).put("expect_vkey", vkey));
  }

  private static void badSkey(
      VectorWriter w, ArrayNode out, String name, String skey, String error) {
    out.add(named(w, name, null).put("skey", skey).put("error", error));
  }
}
