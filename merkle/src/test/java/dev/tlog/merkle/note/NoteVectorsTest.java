package dev.tlog.merkle.note;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.merkle.testing.ExpectedError;
import dev.tlog.merkle.testing.Vectors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteVectorsTest {
  @Test
  void notes() {
    JsonNode root = Vectors.load("note/notes.json");
    assertEquals(Note.MAX_NOTE_BYTES, root.get("limits").get("max_note_bytes").asInt());
    assertEquals(Note.MAX_SIGNATURES, root.get("limits").get("max_signatures").asInt());
    int n = 0;
    for (JsonNode c : root.get("cases")) {
      byte[] input = input(c);
      List<NoteVerifier> keys = new ArrayList<>();
      c.get("verifier_keys").forEach(k -> keys.add(VerifierKeys.parse(k.asText())));
      if (c.has("error")) {
        ExpectedError.assertFails(c, () -> Notes.open(input, keys));
      } else {
        VerifiedNote v = Notes.open(input, keys);
        JsonNode e = c.get("expect");
        assertEquals(e.get("text").asText(), v.text());
        assertEquals(strings(e.get("verified")), ids(v.verified()));
        assertEquals(strings(e.get("unverified")), ids(v.unverified()));
        assertArrayEquals(input, v.note().toBytes(), "re-serializes identically");
      }
      n++;
    }
    assertTrue(n >= 20, "cases: " + n);
  }

  @Test
  void sign() {
    JsonNode v = Vectors.load("note/sign.json");
    assertTrue(v.get("invalid").size() > 0);
    for (JsonNode c : v.get("invalid")) {
      ExpectedError.assertFails(
          c,
          () -> {
            List<NoteSigner> signers = new ArrayList<>();
            c.get("private_keys")
                .forEach(k -> signers.add(Ed25519NoteSigner.fromPrivateKey(k.asText())));
            Notes.sign(c.get("text").asText(), signers.toArray(NoteSigner[]::new));
          });
    }
    for (JsonNode c : v.get("cases")) {
      List<NoteSigner> signers = new ArrayList<>();
      c.get("private_keys").forEach(k -> signers.add(Ed25519NoteSigner.fromPrivateKey(k.asText())));
      Note note = Notes.sign(c.get("text").asText(), signers.toArray(NoteSigner[]::new));
      assertEquals(c.get("expect_note").asText(), note.serialize(), c.get("name").asText());
    }
  }

  @Test
  void keys() {
    JsonNode root = Vectors.load("note/keys.json");
    for (JsonNode c : root.get("verifier_keys")) {
      String vkey = c.get("vkey").asText();
      if (c.has("error")) {
        ExpectedError.assertFails(c, () -> VerifierKeys.parse(vkey));
        continue;
      }
      JsonNode e = c.get("expect");
      VerifierKey k = VerifierKey.parse(vkey);
      assertEquals(e.get("name").asText(), k.name());
      assertEquals(e.get("key_hash").asText(), String.format("%08x", k.keyHash()));
      assertEquals(e.get("algorithm").asInt(), k.algorithm());
      assertArrayEquals(
          Base64.getDecoder().decode(e.get("public_key_base64").asText()), k.publicKey());
      assertEquals(vkey, k.encode());
      NoteVerifier v = VerifierKeys.parse(vkey);
      assertEquals(k.keyHash(), v.keyHash());
      assertEquals(k.algorithm() == 4, v instanceof CosignatureVerifier);
    }
    for (JsonNode c : root.get("private_keys")) {
      String skey = c.get("skey").asText();
      if (c.has("error")) {
        ExpectedError.assertFails(c, () -> signerKey(skey));
      } else {
        assertEquals(c.get("expect_vkey").asText(), signerKey(skey), c.get("name").asText());
      }
    }
  }

  /** The vkey derived from a private key: type 0x04 via Cosigner, anything else via Ed25519. */
  private static String signerKey(String skey) {
    boolean cosigner;
    try {
      cosigner = SignerKey.parse(skey).algorithm() == CosignatureVerifier.ALGORITHM;
    } catch (KeyFormatException e) {
      cosigner = false;
    }
    return cosigner
        ? Cosigner.fromPrivateKey(skey).verifierKey()
        : Ed25519NoteSigner.fromPrivateKey(skey).verifierKey();
  }

  static byte[] input(JsonNode c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonNode pre = c.get("prefix_repeat");
    if (pre != null) {
      out.writeBytes(
          pre.get("string")
              .asText()
              .repeat(pre.get("count").asInt())
              .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(Base64.getDecoder().decode(c.get("note_base64").asText()));
    return out.toByteArray();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static List<String> ids(List<NoteSignature> sigs) {
    return sigs.stream().map(NoteSignature::keyId).toList();
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
