package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.cosignature.CosignedMessage;
import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Writes spec/vectors/cosignature/*.json (format in spec/cosignature.md). */
public final class CosignatureVectors {
  static final String WITNESS = "witness.tlog.example/w1";
  static final String C2SP = "c2sp.org/tlog-cosignature";
  static final String TD = "transparency-dev/formats note/note_cosigv1_test.go";

  private CosignatureVectors() {}

  public static void writeAll(VectorWriter w) {
    Cosigner witness = new Cosigner(WITNESS, Seeds.keySeed(WITNESS));
    Ed25519NoteSigner log =
        new Ed25519NoteSigner(CheckpointVectors.ORIGIN, Seeds.keySeed(CheckpointVectors.ORIGIN));
    Hash root = TreeHasher.leafHash(new byte[] {1});
    Hash head = TreeHasher.concatHash(Hash.ZERO, root);
    Checkpoint plain = Checkpoint.parse(CheckpointVectors.C2SP_BODY);
    Checkpoint tlog =
        new Checkpoint(CheckpointVectors.ORIGIN, 1, root, List.of(ChainHeadExtension.line(head)));

    ArrayNode sign = w.array();
    sign(w, sign, "c2sp-example-body", witness, plain, 1679315147L);
    sign(w, sign, "tlog-with-chain-head", witness, tlog, 1700000000L);
    sign(w, sign, "time-zero", witness, tlog, 0L);
    sign(w, sign, "time-max", witness, tlog, Long.MAX_VALUE);

    ArrayNode verify = w.array();
    Note cosigned = Checkpoints.sign(tlog, log).withSignature(witness.cosign(tlog, 1700000000L));
    String note = cosigned.serialize();
    verify(w, verify, "log-and-witness", note, witness.verifierKey(), 1700000000L, null);
    NoteSignature good = cosigned.signatures().get(1);
    byte[] t = good.signature();
    t[7] ^= 1;
    verify(
        w,
        verify,
        "timestamp-changed",
        with(cosigned, good, t),
        witness.verifierKey(),
        0,
        "INVALID_SIGNATURE");
    byte[] s = good.signature();
    s[40] ^= 1;
    verify(
        w,
        verify,
        "signature-changed",
        with(cosigned, good, s),
        witness.verifierKey(),
        0,
        "INVALID_SIGNATURE");
    byte[] neg = good.signature();
    neg[0] |= (byte) 0x80;
    verify(
        w,
        verify,
        "timestamp-over-2^63-1",
        with(cosigned, good, neg),
        witness.verifierKey(),
        0,
        "INVALID_SIGNATURE");
    Note ext =
        new Note(
            tlog.toBody().replace(head.toBase64(), Hash.ZERO.toBase64()), cosigned.signatures());
    verify(
        w,
        verify,
        "extension-changed",
        ext.serialize(),
        witness.verifierKey(),
        0,
        "INVALID_SIGNATURE");
    String asNoteKey = new Ed25519NoteSigner(WITNESS, Seeds.keySeed(WITNESS)).verifierKey();
    verify(
        w, verify, "same-key-as-type-0x01-is-unknown", note, asNoteKey, 0, "NO_TRUSTED_SIGNATURE");
    byte[] shortSig = Arrays.copyOf(good.signature(), 71);
    verify(
        w,
        verify,
        "signature-71-bytes",
        with(cosigned, good, shortSig),
        witness.verifierKey(),
        0,
        "INVALID_SIGNATURE");

    ArrayNode ts = w.array();
    timestamp(
        w,
        ts,
        "c2sp-example",
        C2SP,
        "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==",
        1679315147L);
    timestamp(
        w,
        ts,
        "td-works",
        TD,
        "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==",
        1727964367L);
    timestamp(
        w,
        ts,
        "td-wrong-type",
        TD,
        "eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=",
        null);
    timestamp(
        w,
        ts,
        "timestamp-over-2^63-1",
        null,
        Base64.getEncoder().encodeToString(new NoteSignature(WITNESS, 1, neg).payload()),
        null);

    ObjectNode doc = w.object();
    doc.put("description", "Ed25519 cosignatures v1. See spec/cosignature.md.");
    doc.set("sign", sign);
    doc.set("verify", verify);
    doc.set("timestamps", ts);
    w.write("cosignature/cosignatures.json", doc);
  }

  private static String with(Note n, NoteSignature old, byte[] sig) {
    return n.withSignature(new NoteSignature(old.name(), old.keyHash(), sig)).serialize();
  }

  private static void sign(
      VectorWriter w, ArrayNode out, String name, Cosigner c, Checkpoint cp, long time) {
    NoteSignature sig = c.cosign(cp, time);
    ObjectNode o = w.object().put("name", name).put("private_key", c.privateKey());
    o.put("checkpoint_body", cp.toBody()).put("timestamp", Long.toString(time));
    o.putObject("expect")
        .put("verifier_key", c.verifierKey())
        .put("key_hash", String.format("%08x", c.keyHash()))
        .put(
            "signed_message",
            new String(CosignedMessage.of(time, cp.toBody()), StandardCharsets.UTF_8))
        .put("signature_line", sig.toLine());
    out.add(o);
  }

  private static void verify(
      VectorWriter w,
      ArrayNode out,
      String name,
      String note,
      String vkey,
      long time,
      String reason) {
    ObjectNode o = w.object().put("name", name).put("note", note).put("cosigner_key", vkey);
    if (reason == null) {
      o.putObject("expect").put("timestamp", Long.toString(time));
    } else {
      o.put("error", "NoteVerificationException").put("reason", reason);
    }
    out.add(o);
  }

  private static void timestamp(
      VectorWriter w, ArrayNode out, String name, String source, String b64, Long time) {
    ObjectNode o = w.object().put("name", name);
    if (source != null) {
      o.put("source", source);
    }
    o.put("signature_base64", b64);
    if (time == null) {
      o.putNull("expect_timestamp");
    } else {
      o.put("expect_timestamp", Long.toString(time));
    }
    out.add(o);
  }
}
