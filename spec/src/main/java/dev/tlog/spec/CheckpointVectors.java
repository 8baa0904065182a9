package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Notes;
import java.util.List;

/** Writes spec/vectors/checkpoint/*.json (format in spec/checkpoint.md). */
public final class CheckpointVectors {
  static final String ORIGIN = "log.tlog.example/checkpoint";
  // Go's checksum database key (golang.org/x/mod gosumcheck/main.go) and checkpoints it signed,
  // as quoted in public documents; each verifies under that key.
  static final String SUMDB_VKEY =
      "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
  static final String[][] SUMDB = {
    {
      "15368405",
      "/g9am3I6YWNKaZX/jkne1fqd9zEyjss+JXyPXG0WfkY=",
      "Az3grqJGUaSGukG9p8nI2vKgiFn7qGHxn0W+mrwyI6Gz3F0t1J3LzmWk/p96Ybf295EjwdSwlzgijq5WA9d1Ded7owM="
    },
    {
      "3784599",
      "7uvxIZ67TZygcq/AehTD8iHYt81Ih+Zl2Y7vXZbfszQ=",
      "Az3grn972wXskjQrsZhVGc93fTU2uOsmSTiId1Wn1lxDCup5z4ggl1/4gaUqOkMa6cMbYvjB7hn7yemNr7Zqanol/go="
    },
  };
  static final String C2SP_BODY =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

  private CheckpointVectors() {}

  public static void writeAll(VectorWriter w) {
    writeBodies(w);
    writeSigned(w);
  }

  private static void writeBodies(VectorWriter w) {
    ArrayNode cases = w.array();
    String r = TreeHasher.emptyRoot().toBase64();
    body(w, cases, "c2sp-example", C2SP_BODY);
    body(
        w,
        cases,
        "empty-tree-with-chain-head",
        ORIGIN + "\n0\n" + r + "\n" + ChainHeadExtension.line(Hash.ZERO) + "\n");
    Hash head = TreeHasher.concatHash(Hash.ZERO, TreeHasher.leafHash(new byte[0]));
    body(
        w,
        cases,
        "chain-head-and-other-extension",
        ORIGIN + "\n1\n" + r + "\nother ext\n" + ChainHeadExtension.line(head) + "\n");
    body(w, cases, "max-size", "o\n9223372036854775807\n" + r + "\n");
    body(w, cases, "unicode-origin", "журнал/日志 \ud83d\ude00\n42\n" + r + "\n");
    body(w, cases, "similar-but-other-extension", "o\n1\n" + r + "\ntlog-chainx 1\n");
    String p = "o\n";
    bad(w, cases, "size-leading-zeros", p + "007\n" + r + "\n");
    bad(w, cases, "size-negative", p + "-1\n" + r + "\n");
    bad(w, cases, "size-plus-sign", p + "+1\n" + r + "\n");
    bad(w, cases, "size-overflow", p + "9223372036854775808\n" + r + "\n");
    bad(w, cases, "size-empty", p + "\n" + r + "\n");
    bad(w, cases, "size-space", p + "1 \n" + r + "\n");
    bad(w, cases, "root-short", p + "1\nAAAA\n");
    bad(w, cases, "root-unpadded", p + "1\n" + r.replace("=", "") + "\n");
    bad(
        w,
        cases,
        "root-url-safe",
        p
            + "1\n"
            + Hash.fromHex("fb".repeat(32)).toBase64().replace('+', '-').replace('/', '_')
            + "\n");
    bad(w, cases, "root-hex", p + "1\n" + TreeHasher.emptyRoot().toHex() + "\n");
    bad(w, cases, "missing-final-newline", p + "1\n" + r);
    bad(w, cases, "too-few-lines", p + "1\n");
    bad(w, cases, "empty-origin", "\n1\n" + r + "\n");
    bad(w, cases, "empty-extension-line", p + "1\n" + r + "\n\n");
    bad(w, cases, "carriage-return", "o\r\n1\n" + r + "\n");
    chainBad(
        w,
        cases,
        "two-chain-heads",
        p
            + "1\n"
            + r
            + "\n"
            + ChainHeadExtension.line(head)
            + "\n"
            + ChainHeadExtension.line(head)
            + "\n");
    chainBad(w, cases, "chain-head-hex", p + "1\n" + r + "\ntlog-chain " + head.toHex() + "\n");
    chainBad(w, cases, "chain-head-missing", p + "1\n" + r + "\ntlog-chain\n");
    ObjectNode root = w.object();
    root.put(
        "description",
        "Checkpoint bodies. A case with error_stage \"chain_head\" parses but"
            + " ChainHeadExtension.find must fail. See spec/checkpoint.md.");
    root.set("cases", cases);
    w.write("checkpoint/bodies.json", root);
  }

  private static void writeSigned(VectorWriter w) {
    ArrayNode cases = w.array();
    for (String[] s : SUMDB) {
      String note =
          "go.sum database tree\n"
              + s[0]
              + "\n"
              + s[1]
              + "\n\n\u2014 sum.golang.org "
              + s[2]
              + "\n";
      signed(
          w,
          cases,
          "sumdb-" + s[0],
          "sum.golang.org",
          note,
          "go.sum database tree",
          SUMDB_VKEY,
          null);
    }
    String tampered =
        "go.sum database tree\n15368406\n"
            + SUMDB[0][1]
            + "\n\n\u2014 sum.golang.org "
            + SUMDB[0][2]
            + "\n";
    signed(
        w,
        cases,
        "sumdb-size-changed",
        null,
        tampered,
        "go.sum database tree",
        SUMDB_VKEY,
        "NoteVerificationException");

    Ed25519NoteSigner log = new Ed25519NoteSigner(ORIGIN, Seeds.keySeed(ORIGIN));
    String vkey = log.verifierKey();
    Hash head = TreeHasher.concatHash(Hash.ZERO, TreeHasher.leafHash(new byte[] {1}));
    Checkpoint c =
        new Checkpoint(
            ORIGIN, 1, TreeHasher.leafHash(new byte[] {1}), List.of(ChainHeadExtension.line(head)));
    String note = Checkpoints.sign(c, log).serialize();
    signed(w, cases, "tlog-with-chain-head", null, note, ORIGIN, vkey, null);
    signed(
        w, cases, "wrong-origin", null, note, "other.tlog.example", vkey, "WrongOriginException");
    Ed25519NoteSigner stranger = new Ed25519NoteSigner(ORIGIN, Seeds.keySeed("stranger"));
    signed(
        w,
        cases,
        "unknown-key",
        null,
        note,
        ORIGIN,
        stranger.verifierKey(),
        "NoteVerificationException");
    signed(
        w,
        cases,
        "truncated",
        null,
        note.substring(0, note.length() - 10),
        ORIGIN,
        vkey,
        "NoteFormatException");
    String forged = note.replaceFirst("\n1\n", "\n2\n");
    signed(w, cases, "size-changed", null, forged, ORIGIN, vkey, "NoteVerificationException");
    String nonCanonical =
        Notes.sign(ORIGIN + "\n01\n" + c.root().toBase64() + "\n", log).serialize();
    signed(
        w,
        cases,
        "signed-non-canonical-size",
        null,
        nonCanonical,
        ORIGIN,
        vkey,
        "CheckpointFormatException");
    ObjectNode root = w.object();
    root.put(
        "description",
        "Signed checkpoints to open with Checkpoints.openSigned(note, origin,"
            + " [log_key]). See spec/checkpoint.md.");
    root.set("cases", cases);
    w.write("checkpoint/signed.json", root);
  }

  private static void body(VectorWriter w, ArrayNode cases, String name, String body) {
    Checkpoint c = Checkpoint.parse(body);
    ObjectNode out = w.object().put("name", name).put("body", body);
    ObjectNode e = out.putObject("expect");
    e.put("origin", c.origin())
        .put("size", Long.toString(c.size()))
        .put("root_hex", c.root().toHex());
    ArrayNode ext = e.putArray("extensions");
    c.extensions().forEach(ext::add);
    e.put("chain_head_hex", ChainHeadExtension.find(c).map(Hash::toHex).orElse(null));
    cases.add(out);
  }

  private static void bad(VectorWriter w, ArrayNode cases, String name, String body) {
    cases.add(
        w.object().put("name", name).put("body", body).put("error", "CheckpointFormatException"));
  }

  private static void chainBad(VectorWriter w, ArrayNode cases, String name, String body) {
    bad(w, cases, name, body);
    ((ObjectNode) cases.get(cases.size() - 1)).put("error_stage", "chain_head");
  }

  private static void signed(
      VectorWriter w,
      ArrayNode cases,
      String name,
      String source,
      String note,
      String origin,
      String vkey,
      String error) {
    ObjectNode c = w.object().put("name", name);
    if (source != null) {
      c.put("source", source);
    }
    c.put("note", note).put("origin", origin);
    c.putArray("log_keys").add(vkey);
    if (error != null) {
      c.put("error", error);
    } else {
      Checkpoint cp = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
      c.putObject("expect")
          .put("size", Long.toString(cp.size()))
          .put("root_hex", cp.root().toHex());
    }
    cases.add(c);
  }
}
