package dev.tlog.merkle.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks every case of proofs/inclusion.json and proofs/consistency.json. */
class ProofVectorsTest {
  private static final Map<String, Class<? extends ProofException>> ERRORS =
      Map.of(
          "IndexOutOfRange", IndexOutOfRangeException.class,
          "ProofLength", ProofLengthException.class,
          "RootMismatch", RootMismatchException.class);

  @Test
  void inclusionCases() {
    int valid = 0;
    int invalid = 0;
    for (JsonNode c : Vectors.load("proofs/inclusion.json").get("cases")) {
      InclusionProof p =
          new InclusionProof(
              c.get("index").asLong(), c.get("treeSize").asLong(), hashes(c.get("proof")));
      Hash leaf = hash(c.get("leafHash"));
      Hash root = hash(c.get("root"));
      String name = c.get("name").asText();
      if (c.has("error")) {
        assertThrows(errorOf(c), () -> Proofs.checkInclusion(p, leaf, root), name);
        invalid++;
      } else {
        Proofs.checkInclusion(p, leaf, root);
        assertEquals(root, Proofs.rootFromInclusion(p, leaf), name);
        valid++;
      }
    }
    assertEquals(true, valid > 50 && invalid > 50, valid + " valid, " + invalid + " invalid");
  }

  @Test
  void consistencyCases() {
    int valid = 0;
    int invalid = 0;
    for (JsonNode c : Vectors.load("proofs/consistency.json").get("cases")) {
      ConsistencyProof p =
          new ConsistencyProof(
              c.get("first").asLong(), c.get("second").asLong(), hashes(c.get("proof")));
      Hash r1 = hash(c.get("firstRoot"));
      Hash r2 = hash(c.get("secondRoot"));
      String name = c.get("name").asText();
      if (c.has("error")) {
        assertThrows(errorOf(c), () -> Proofs.checkConsistency(p, r1, r2), name);
        invalid++;
      } else {
        Proofs.checkConsistency(p, r1, r2);
        valid++;
      }
    }
    assertEquals(true, valid > 50 && invalid > 50, valid + " valid, " + invalid + " invalid");
  }

  /** Valid cases were made from one log; rebuilding it must give the same proofs. */
  @Test
  void validCasesAreTheProofsThisLibraryProduces() {
    MemoryHashStore store = new MemoryHashStore();
    for (int i = 0; i < 1000; i++) {
      store.append(TreeHasher.leafHash(("tlog entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    for (JsonNode c : Vectors.load("proofs/inclusion.json").get("cases")) {
      if (!c.has("error")) {
        InclusionProof p =
            Proofs.proveInclusion(c.get("index").asLong(), c.get("treeSize").asLong(), store);
        assertEquals(hashes(c.get("proof")), p.hashes(), c.get("name").asText());
      }
    }
    for (JsonNode c : Vectors.load("proofs/consistency.json").get("cases")) {
      if (!c.has("error")) {
        ConsistencyProof p =
            Proofs.proveConsistency(c.get("first").asLong(), c.get("second").asLong(), store);
        assertEquals(hashes(c.get("proof")), p.hashes(), c.get("name").asText());
      }
    }
  }

  static Class<? extends ProofException> errorOf(JsonNode c) {
    Class<? extends ProofException> type = ERRORS.get(c.get("error").asText());
    if (type == null) {
      throw new AssertionError("unknown error label in " + c);
    }
    return type;
  }

  static Hash hash(JsonNode n) {
    return Hash.fromHex(n.asText());
  }

  static List<Hash> hashes(JsonNode array) {
    List<Hash> out = new ArrayList<>();
    array.forEach(n -> out.add(hash(n)));
    return out;
  }
}
