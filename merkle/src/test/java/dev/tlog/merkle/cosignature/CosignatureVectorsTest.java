package dev.tlog.merkle.cosignature;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.VerifiedNote;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.merkle.testing.ExpectedError;
import dev.tlog.merkle.testing.Vectors;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CosignatureVectorsTest {
  private static final JsonNode ROOT = Vectors.load("cosignature/cosignatures.json");

  @Test
  void sign() {
    for (JsonNode c : ROOT.get("sign")) {
      Cosigner cosigner = Cosigner.fromPrivateKey(c.get("private_key").asText());
      String body = c.get("checkpoint_body").asText();
      long time = Long.parseLong(c.get("timestamp").asText());
      JsonNode e = c.get("expect");
      assertEquals(e.get("verifier_key").asText(), cosigner.verifierKey());
      assertEquals(e.get("key_hash").asText(), String.format("%08x", cosigner.keyHash()));
      assertEquals(
          e.get("signed_message").asText(), new String(CosignedMessage.of(time, body), UTF_8));
      NoteSignature sig = cosigner.cosign(body, time);
      assertEquals(e.get("signature_line").asText(), sig.toLine());
      assertEquals(time, cosigner.verifier().check(body, sig).timestamp());
    }
  }

  @Test
  void verify() {
    for (JsonNode c : ROOT.get("verify")) {
      byte[] note = c.get("note").asText().getBytes(UTF_8);
      var key = List.of(VerifierKeys.parse(c.get("cosigner_key").asText()));
      if (c.has("error")) {
        ExpectedError.assertFails(c, () -> Notes.open(note, key));
        continue;
      }
      VerifiedNote v = Notes.open(note, key);
      assertEquals(1, v.verified().size());
      CosignatureVerifier cv = (CosignatureVerifier) key.get(0);
      assertEquals(
          Long.parseLong(c.get("expect").get("timestamp").asText()),
          cv.check(v.text(), v.verified().get(0)).timestamp());
    }
  }

  @Test
  void timestamps() {
    for (JsonNode c : ROOT.get("timestamps")) {
      byte[] raw = Base64.getDecoder().decode(c.get("signature_base64").asText());
      OptionalLong got = CosignatureVerifier.timestampOf(Arrays.copyOfRange(raw, 4, raw.length));
      JsonNode want = c.get("expect_timestamp");
      assertEquals(
          want.isNull() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(want.asText())),
          got,
          c.get("name").asText());
    }
  }
}
