package dev.tlog.merkle.checkpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.merkle.testing.ExpectedError;
import dev.tlog.merkle.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointVectorsTest {
  @Test
  void bodies() {
    for (JsonNode c : Vectors.load("checkpoint/bodies.json").get("cases")) {
      String body = c.get("body").asText();
      if (c.has("error")) {
        if ("chain_head".equals(c.path("error_stage").asText())) {
          Checkpoint cp = Checkpoint.parse(body);
          ExpectedError.assertFails(c, () -> ChainHeadExtension.find(cp));
        } else {
          ExpectedError.assertFails(c, () -> Checkpoint.parse(body));
        }
        continue;
      }
      JsonNode e = c.get("expect");
      Checkpoint cp = Checkpoint.parse(body);
      assertEquals(e.get("origin").asText(), cp.origin());
      assertEquals(Long.parseLong(e.get("size").asText()), cp.size());
      assertEquals(Hash.fromHex(e.get("root_hex").asText()), cp.root());
      List<String> ext = new ArrayList<>();
      e.get("extensions").forEach(x -> ext.add(x.asText()));
      assertEquals(ext, cp.extensions());
      JsonNode head = e.get("chain_head_hex");
      assertEquals(
          head.isNull() ? null : Hash.fromHex(head.asText()),
          ChainHeadExtension.find(cp).orElse(null));
      assertEquals(body, cp.toBody());
    }
  }

  @Test
  void signed() {
    for (JsonNode c : Vectors.load("checkpoint/signed.json").get("cases")) {
      byte[] note = c.get("note").asText().getBytes(UTF_8);
      String origin = c.get("origin").asText();
      List<NoteVerifier> keys = new ArrayList<>();
      c.get("log_keys").forEach(k -> keys.add(VerifierKeys.parse(k.asText())));
      if (c.has("error")) {
        ExpectedError.assertFails(c, () -> Checkpoints.openSigned(note, origin, keys));
        continue;
      }
      Checkpoint cp = Checkpoints.openSigned(note, origin, keys);
      assertEquals(Long.parseLong(c.get("expect").get("size").asText()), cp.size());
      assertEquals(Hash.fromHex(c.get("expect").get("root_hex").asText()), cp.root());
    }
  }
}
