package dev.tlog.client.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Every case of spec/vectors/bundle/bundles.json (v1) and spec/vectors/bundle/ledger-bundles.json
 * (v2, ledger evidence).
 */
class BundleVectorsTest {
  static Path root() {
    String dir = System.getProperty("tlog.vectors.dir");
    return dir != null ? Path.of(dir) : Path.of("..", "spec", "vectors");
  }

  private static final List<String> FILES =
      List.of("bundle/bundles.json", "bundle/ledger-bundles.json");

  @Test
  void everyBundleVectorVerifiesOrFailsWithItsLabel() throws IOException {
    for (String name : FILES) {
      checkCases(new ObjectMapper().readTree(root().resolve(name).toFile()));
    }
  }

  private static void checkCases(JsonNode file) {
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
        if (expect.has("matches")) {
          BundleVerifier.LedgerReport l = r.ledger().orElseThrow();
          List<Long> matches = new ArrayList<>();
          expect.get("matches").forEach(i -> matches.add(i.asLong()));
          assertEquals(matches, l.matches(), name);
          assertEquals(expect.get("window").asBoolean(), l.window().isPresent(), name);
        } else {
          assertEquals(1, b.version(), name);
        }
        assertEquals(
            c.get("bundle").asText(), new String(BundleCodec.encode(b), StandardCharsets.UTF_8));
      }
      checked++;
    }
    assertFalse(checked == 0);
  }

  /**
   * Every byte is covered: a changed byte makes the bundle malformed or fails a check. The one
   * exception (spec/evidence-bundle.md, "Canonical form"): a change inside a v2 bundle's filter
   * that leaves a filter selecting exactly the same events (e.g. the case of a full-text word) is a
   * bundle of equally valid evidence for that filter.
   */
  @Test
  void changingAnyByteOfAValidBundleFailsVerification() throws IOException {
    for (String name : FILES) {
      flipEveryByte(new ObjectMapper().readTree(root().resolve(name).toFile()));
    }
  }

  private static void flipEveryByte(JsonNode file) {
    for (JsonNode c : file.get("cases")) {
      if (c.has("error")) {
        continue;
      }
      String text = c.get("bundle").asText();
      byte[] good = text.getBytes(StandardCharsets.UTF_8);
      String trusted = c.get("trusted_vkey").isNull() ? null : c.get("trusted_vkey").asText();
      List<Long> matches =
          BundleVerifier.verify(BundleCodec.decode(good), trusted)
              .ledger()
              .map(BundleVerifier.LedgerReport::matches)
              .orElse(List.of());
      int f = text.indexOf("\"filter\" : {");
      // Byte offsets: the checkpoint's signature lines start with an em dash (3 bytes).
      int filterStart = f < 0 ? -1 : utf8Length(text.substring(0, f));
      int filterEnd = f < 0 ? -1 : utf8Length(text.substring(0, text.indexOf("\n    }", f)));
      for (int i = 0; i < good.length; i++) {
        for (int bit : new int[] {0x01, 0x20}) {
          byte[] bad = good.clone();
          bad[i] ^= (byte) bit;
          int at = i;
          BundleVerifier.Report accepted;
          try {
            accepted = BundleVerifier.verify(BundleCodec.decode(bad), trusted);
          } catch (RuntimeException e) {
            label(e);
            continue;
          }
          boolean sameSelection =
              i > filterStart
                  && i < filterEnd
                  && accepted.ledger().orElseThrow().matches().equals(matches);
          assertTrue(
              sameSelection,
              () -> c.get("name").asText() + ": byte " + at + " ^ " + bit + " was accepted");
        }
      }
    }
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
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
