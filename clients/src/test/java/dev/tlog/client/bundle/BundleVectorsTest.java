package dev.tlog.client.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.BundleFormatException;
import dev.tlog.merkle.bundle.EvidenceBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every case of spec/vectors/bundle/bundles.json, and no unread file in that directory. */
class BundleVectorsTest {
  static Path root() {
    String dir = System.getProperty("tlog.vectors.dir");
    return dir != null ? Path.of(dir) : Path.of("..", "spec", "vectors");
  }

  @Test
  void everyBundleVectorVerifiesOrFailsWithItsLabel() throws IOException {
    JsonNode file = new ObjectMapper().readTree(root().resolve("bundle/bundles.json").toFile());
    int checked = 0;
    for (JsonNode c : file.get("cases")) {
      String name = c.get("name").asText();
      byte[] bytes = c.get("bundle").asText().getBytes(StandardCharsets.UTF_8);
      String trusted = c.get("trusted_vkey").isNull() ? null : c.get("trusted_vkey").asText();
      if (c.has("error")) {
        RuntimeException e =
            assertThrows(
                RuntimeException.class,
                () -> BundleVerifier.verify(BundleCodec.decode(bytes), trusted),
                name);
        assertEquals(c.get("error").asText(), label(e), name + ": " + e.getMessage());
      } else {
        EvidenceBundle b = BundleCodec.decode(bytes);
        BundleVerifier.Report r = BundleVerifier.verify(b, trusted);
        JsonNode expect = c.get("expect");
        assertEquals(expect.get("tree_size").asLong(), r.checkpoint().size(), name);
        List<Long> indexes = new ArrayList<>();
        expect.get("indexes").forEach(i -> indexes.add(i.asLong()));
        assertEquals(indexes, b.entries().stream().map(EvidenceBundle.Entry::index).toList(), name);
        assertEquals(expect.get("cosigners").asInt(), r.checkpoint().cosignatures().size(), name);
        assertEquals(trusted != null, r.keyPinned(), name);
        assertEquals(
            c.get("bundle").asText(), new String(BundleCodec.encode(b), StandardCharsets.UTF_8));
      }
      checked++;
    }
    assertFalse(checked == 0);
  }

  @Test
  void changingAnyByteOfAValidBundleFailsVerification() throws IOException {
    JsonNode file = new ObjectMapper().readTree(root().resolve("bundle/bundles.json").toFile());
    for (JsonNode c : file.get("cases")) {
      if (c.has("error")) {
        continue;
      }
      byte[] good = c.get("bundle").asText().getBytes(StandardCharsets.UTF_8);
      String trusted = c.get("trusted_vkey").isNull() ? null : c.get("trusted_vkey").asText();
      for (int i = 0; i < good.length; i++) {
        for (int bit : new int[] {0x01, 0x20}) {
          byte[] bad = good.clone();
          bad[i] ^= (byte) bit;
          int at = i;
          RuntimeException e =
              assertThrows(
                  RuntimeException.class,
                  () -> BundleVerifier.verify(BundleCodec.decode(bad), trusted),
                  () -> c.get("name").asText() + ": byte " + at + " ^ " + bit + " was accepted");
          label(e);
        }
      }
    }
  }

  /** The vector label of a rejection; fails on any exception that is not a bundle rejection. */
  private static String label(RuntimeException e) {
    if (e instanceof BundleFormatException) {
      return "FORMAT";
    }
    assertNotNull(e instanceof BundleVerificationException b ? b.failure() : null, e.toString());
    return ((BundleVerificationException) e).failure().name();
  }
}
