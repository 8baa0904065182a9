package dev.tlog.merkle.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.testing.Vectors;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks every chain and segment of chain/chain.json. */
class ChainVectorsTest {
  private final JsonNode v = Vectors.load("chain/chain.json");

  @Test
  void chainsHeadsMatch() {
    assertEquals(HashChain.initial(), Hash.fromHex(v.get("initial").asText()));
    for (JsonNode c : v.get("chains")) {
      ChainBuilder b = ChainBuilder.empty();
      List<Hash> leaves = hashes(c.get("leafHashes"));
      List<Hash> heads = hashes(c.get("heads"));
      int i = 0;
      for (JsonNode e : c.get("entries")) {
        Hash leaf = TreeHasher.leafHash(HexFormat.of().parseHex(e.asText()));
        assertEquals(leaves.get(i), leaf);
        assertEquals(heads.get(i), b.append(leaf), c.get("name").asText() + " C[" + i + "]");
        i++;
      }
      assertEquals(heads.get(heads.size() - 1), HashChain.extend(Hash.ZERO, leaves));
    }
  }

  @Test
  void segments() {
    int invalid = 0;
    for (JsonNode s : v.get("segments")) {
      Hash before = Hash.fromHex(s.get("before").asText());
      Hash after = Hash.fromHex(s.get("after").asText());
      List<Hash> seg = hashes(s.get("leafHashes"));
      if (s.has("error")) {
        assertEquals("ChainMismatch", s.get("error").asText());
        assertThrows(
            ChainMismatchException.class,
            () -> HashChain.checkSegment(before, seg, after),
            s.get("name").asText());
        invalid++;
      } else {
        HashChain.checkSegment(before, seg, after);
      }
    }
    assertEquals(8, invalid);
  }

  private static List<Hash> hashes(JsonNode array) {
    List<Hash> out = new ArrayList<>();
    array.forEach(n -> out.add(Hash.fromHex(n.asText())));
    return out;
  }
}
