package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.Notes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Writes spec/vectors/note/*.json (format in spec/signed-note.md). */
public final class NoteVectors {
  // golang.org/x/mod/sumdb/note: note.go documentation, note_test.go, example_test.go.
  static final String PETER_SKEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String PETER_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String ENOCH_VKEY =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String PETER_SIG =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG =
      "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
  // c2sp.org/signed-note, "Verifier keys / Example".
  static final String C2SP_VKEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  static final String C2SP_NOTE =
      "This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
  static final String GO = "golang.org/x/mod/sumdb/note";
  static final String C2SP = "c2sp.org/signed-note";

  private NoteVectors() {}

  static Ed25519NoteSigner signer(String label) {
    return new Ed25519NoteSigner(label, Seeds.keySeed(label));
  }

  public static void writeAll(VectorWriter w) {
    writeNotes(w);
    writeSign(w);
    NoteKeyVectors.write(w);
  }

  private static void writeNotes(VectorWriter w) {
    Ed25519NoteSigner log = signer("log.tlog.example/note");
    Ed25519NoteSigner other = signer("other.tlog.example");
    String vlog = log.verifierKey();
    String vother = other.verifierKey();
    ArrayNode cases = w.array();
    String goMsg = GO_TEXT + "\n" + PETER_SIG + ENOCH_SIG;
    valid(
        w,
        cases,
        "go-one-known-one-unknown",
        GO,
        goMsg,
        List.of(PETER_VKEY),
        GO_TEXT,
        List.of("PeterNeumann+c74f20a3"),
        List.of("EnochRoot+af0cfe78"));
    valid(
        w,
        cases,
        "go-both-known",
        GO,
        goMsg,
        List.of(PETER_VKEY, ENOCH_VKEY),
        GO_TEXT,
        List.of("PeterNeumann+c74f20a3", "EnochRoot+af0cfe78"),
        List.of());
    error(w, cases, "go-no-known-key", GO, goMsg, List.of(), "NO_TRUSTED_SIGNATURE");
    String spliced = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
    error(
        w,
        cases,
        "go-invalid-signature",
        GO,
        GO_TEXT + "\n" + spliced,
        List.of(PETER_VKEY),
        "INVALID_SIGNATURE");
    valid(
        w,
        cases,
        "c2sp-example",
        C2SP,
        C2SP_NOTE,
        List.of(C2SP_VKEY),
        "This is an example message.\n",
        List.of("example.com/foo+530d903a"),
        List.of());

    Note signed = Notes.sign("tlog vector note\n\nwith a blank line\n", log, other);
    String msg = signed.serialize();
    valid(
        w,
        cases,
        "tlog-two-signers",
        null,
        msg,
        List.of(vlog),
        signed.text(),
        List.of(signed.signatures().get(0).keyId()),
        List.of(signed.signatures().get(1).keyId()));
    error(
        w,
        cases,
        "unknown-key",
        null,
        msg,
        List.of(signer("nobody").verifierKey()),
        "NO_TRUSTED_SIGNATURE");
    String flipped = msg.replace("tlog vector note", "tlog vector nots");
    error(w, cases, "text-changed", null, flipped, List.of(vlog), "INVALID_SIGNATURE");
    error(
        w,
        cases,
        "text-changed-second-signer-known",
        null,
        flipped,
        List.of(vother),
        "INVALID_SIGNATURE");

    String one = Notes.sign("t\n", log).serialize();
    String sigLine = one.substring(3);
    bad(w, cases, "truncated", one.substring(0, one.length() - 5), vlog);
    bad(w, cases, "missing-final-newline", one.substring(0, one.length() - 1), vlog);
    bad(w, cases, "no-blank-line", "t\n" + sigLine, vlog);
    bad(w, cases, "no-signatures", "t\n\n", vlog);
    bad(w, cases, "duplicate-signature", one + sigLine, vlog);
    bad(w, cases, "control-character", "t\u0007\n\n" + sigLine, vlog);
    bad(w, cases, "carriage-return", "t\r\n\n" + sigLine, vlog);
    bad(w, cases, "hyphen-not-em-dash", "t\n\n-" + sigLine.substring(1), vlog);
    bad(
        w,
        cases,
        "name-with-plus",
        "t\n\n\u2014 a+b " + sigLine.substring(sigLine.lastIndexOf(' ') + 1),
        vlog);
    bad(w, cases, "unpadded-base64", one.substring(0, one.length() - 2) + "\n", vlog);
    bad(w, cases, "signature-too-short", "t\n\n\u2014 k AAAAAA==\n", vlog);
    bad(w, cases, "unexpected-line-after-signatures", one + "Unexpected line.\n", vlog);
    byte[] invalidUtf8 = one.getBytes(StandardCharsets.UTF_8);
    invalidUtf8[0] = (byte) 0xff;
    ObjectNode c = base(w, "invalid-utf8", null, invalidUtf8, List.of(vlog));
    cases.add(c.put("error", "NoteFormatException"));

    StringBuilder many = new StringBuilder("t\n\n");
    for (int i = 0; i <= Note.MAX_SIGNATURES; i++) {
      many.append(new NoteSignature("k", i, new byte[64]).toLine());
    }
    bad(w, cases, "101-signatures", many.toString(), vlog);

    // Oversized: the input is "x" repeated `count` times, then the decoded note_base64.
    int tail = one.getBytes(StandardCharsets.UTF_8).length;
    ObjectNode big =
        base(w, "oversized", null, one.getBytes(StandardCharsets.UTF_8), List.of(vlog));
    big.putObject("prefix_repeat").put("string", "x").put("count", Note.MAX_NOTE_BYTES + 1 - tail);
    cases.add(big.put("error", "NoteFormatException"));

    ObjectNode root = w.object();
    root.put(
        "description",
        "Signed notes to open with the given verifier keys. See spec/signed-note.md.");
    root.putObject("limits")
        .put("max_note_bytes", Note.MAX_NOTE_BYTES)
        .put("max_signatures", Note.MAX_SIGNATURES);
    root.set("cases", cases);
    w.write("note/notes.json", root);
  }

  private static void writeSign(VectorWriter w) {
    ArrayNode cases = w.array();
    sign(w, cases, "go-peter", GO, List.of(PETER_SKEY), GO_TEXT, GO_TEXT + "\n" + PETER_SIG);
    String enochSkey = new Ed25519NoteSigner("EnochRoot", new byte[32]).privateKey();
    sign(
        w,
        cases,
        "go-peter-and-enoch",
        GO,
        List.of(PETER_SKEY, enochSkey),
        GO_TEXT,
        GO_TEXT + "\n" + PETER_SIG + ENOCH_SIG);
    Ed25519NoteSigner log = signer("log.tlog.example/note");
    Ed25519NoteSigner uni = signer("журнал.example/日志");
    for (String text : List.of("hello\n", "\n", "a\n\nb\n", "unicode: é 世界 \ud83d\ude00\n")) {
      sign(
          w,
          cases,
          "tlog-" + cases.size(),
          null,
          List.of(log.privateKey(), uni.privateKey()),
          text,
          Notes.sign(text, log, uni).serialize());
    }
    ArrayNode invalid = w.array();
    String good = log.privateKey();
    badSign(invalid, "text without a final newline", List.of(good), "hello", "NoteFormatException");
    badSign(invalid, "empty text", List.of(good), "", "NoteFormatException");
    badSign(invalid, "tab in the text", List.of(good), "a\tb\n", "NoteFormatException");
    badSign(invalid, "carriage return in the text", List.of(good), "a\r\n", "NoteFormatException");
    badSign(
        invalid,
        "private key without the PRIVATE+KEY+ prefix",
        List.of(good.substring("PRIVATE+KEY+".length())),
        "hello\n",
        "KeyFormatException");
    badSign(
        invalid,
        "private key missing its last character",
        List.of(good.substring(0, good.length() - 1)),
        "hello\n",
        "KeyFormatException");
    ObjectNode root = w.object();
    root.put(
        "description",
        "Sign text with each private key in order; the note must match byte for byte. invalid:"
            + " signing must be refused with error.");
    root.set("cases", cases);
    root.set("invalid", invalid);
    w.write("note/sign.json", root);
  }

  private static void badSign(
      ArrayNode out, String name, List<String> skeys, String text, String error) {
    HashJson.confirm(
        name,
        error,
        () ->
            Notes.sign(
                text,
                skeys.stream()
                    .map(Ed25519NoteSigner::fromPrivateKey)
                    .toArray(dev.tlog.merkle.note.NoteSigner[]::new)));
    ObjectNode c = out.addObject().put("name", name);
    ArrayNode keys = c.putArray("private_keys");
    skeys.forEach(keys::add);
    c.put("text", text).put("error", error);
  }

  private static void sign(
      VectorWriter w,
      ArrayNode cases,
      String name,
      String source,
      List<String> skeys,
      String text,
      String note) {
    ObjectNode c = w.object().put("name", name);
    if (source != null) {
      c.put("source", source);
    }
    ArrayNode keys = c.putArray("private_keys");
    skeys.forEach(keys::add);
    cases.add(c.put("text", text).put("expect_note", note));
  }

  private static ObjectNode base(
      VectorWriter w, String name, String source, byte[] note, List<String> vkeys) {
    ObjectNode c = w.object().put("name", name);
    if (source != null) {
      c.put("source", source);
    }
    c.put("note_base64", Base64.getEncoder().encodeToString(note));
    ArrayNode keys = c.putArray("verifier_keys");
    vkeys.forEach(keys::add);
    return c;
  }

  private static void valid(
      VectorWriter w,
      ArrayNode cases,
      String name,
      String source,
      String note,
      List<String> vkeys,
      String text,
      List<String> verified,
      List<String> unverified) {
    ObjectNode c = base(w, name, source, note.getBytes(StandardCharsets.UTF_8), vkeys);
    ObjectNode e = c.putObject("expect").put("text", text);
    verified.forEach(e.putArray("verified")::add);
    ArrayNode u = e.putArray("unverified");
    unverified.forEach(u::add);
    cases.add(c);
  }

  private static void error(
      VectorWriter w,
      ArrayNode cases,
      String name,
      String source,
      String note,
      List<String> vkeys,
      String reason) {
    ObjectNode c = base(w, name, source, note.getBytes(StandardCharsets.UTF_8), vkeys);
    cases.add(c.put("error", "NoteVerificationException").put("reason", reason));
  }

  private static void bad(VectorWriter w, ArrayNode cases, String name, String note, String vkey) {
    ObjectNode c = base(w, name, null, note.getBytes(StandardCharsets.UTF_8), List.of(vkey));
    cases.add(c.put("error", "NoteFormatException"));
  }
}
