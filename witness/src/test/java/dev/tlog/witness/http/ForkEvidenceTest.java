package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.witness.fork.ForkEvidence;
import dev.tlog.witness.fork.InvalidEvidenceException;
import dev.tlog.witness.fork.PrefixProof;
import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that signs a second history with the same key: the witness refuses it, stores fork
 * evidence, serves it, and the evidence verifies offline.
 */
class ForkEvidenceTest {
  @TempDir Path dir;

  private final TestLog honest = new TestLog("log.test/forked", 5).append(6, "a");
  private final TestLog forged = honest.fork(3).append(7, "b"); // same key, diverges at leaf 3

  @Test
  void inconsistentHistoryIs422WithVerifiableEvidence() throws Exception {
    try (TestWitness w = TestWitness.start(dir, TestWitness.config(List.of(honest), Map.of()))) {
      assertEquals(200, w.post(honest.body(0)).statusCode());

      HttpResponse<String> r = w.post(forged.body(6)); // proof from the forged tree
      assertEquals(422, r.statusCode(), r.body());
      String id = onlyEvidenceId(w);
      assertTrue(r.body().endsWith("; fork evidence " + id + "\n"), r.body());

      ForkEvidence e = fetch(w, id);
      ForkEvidence.Verdict v = e.verify(List.of(honest.verifier()));
      assertEquals(6, v.first().size());
      assertEquals(honest.root(), v.first().root());
      assertEquals(10, v.second().size());
      assertEquals(forged.root(), v.second().root());
      e.verify(); // with the keys embedded in the file
      assertEquals("add-checkpoint", e.detectedVia());

      // The witness keeps refusing the forged history and keeps following the honest one.
      assertEquals(422, w.post(forged.body(6)).statusCode());
      assertEquals(1, w.server().forks().ids().size(), "same pair, same evidence file");
      honest.append(2, "a");
      assertEquals(200, w.post(honest.body(6)).statusCode());
      assertEquals(409, w.post(forged.body(6)).statusCode());
    }
  }

  @Test
  void sameSizeOtherRootIs409WithVerifiableEvidence() throws Exception {
    TestLog sameSize = honest.fork(3).append(3, "b");
    try (TestWitness w = TestWitness.start(dir, TestWitness.config(List.of(honest), Map.of()))) {
      assertEquals(200, w.post(honest.body(0)).statusCode());
      HttpResponse<String> r = w.post(sameSize.body(6));
      assertEquals(409, r.statusCode(), r.body());
      assertEquals("text/x.tlog.size", r.headers().firstValue("Content-Type").orElse(""));
      assertEquals("6\n", r.body());

      ForkEvidence e = fetch(w, onlyEvidenceId(w));
      ForkEvidence.Verdict v = e.verify(List.of(honest.verifier()));
      assertEquals(v.first().size(), v.second().size());
      assertTrue(e.prefixProof().isEmpty());
      // State unchanged: the witness still has the honest checkpoint.
      assertTrue(w.checkpoint(honest.origin()).body().contains(honest.root().toBase64()));
    }
  }

  @Test
  void evidenceThatProvesNothingIsRejected() throws Exception {
    try (TestWitness w = TestWitness.start(dir, TestWitness.config(List.of(honest), Map.of()))) {
      assertEquals(200, w.post(honest.body(0)).statusCode());
      assertEquals(422, w.post(forged.body(6)).statusCode());
      ForkEvidence good = fetch(w, onlyEvidenceId(w));

      List<String> proof = new ArrayList<>(good.prefixProof());
      proof.set(1, good.prefixProof().get(0));
      assertRejected(with(good, good.first(), good.second(), proof), "prefix proof leads to");

      Ed25519NoteSigner other = new Ed25519NoteSigner(honest.origin(), new byte[32]);
      assertThrows(InvalidEvidenceException.class, () -> good.verify(List.of(other.verifier())));

      // Two checkpoints of the honest history are consistent: no fork.
      String honest6 = good.first();
      honest.append(4, "a");
      String honest10 = honest.checkpoint().serialize();
      List<String> honestProof =
          PrefixProof.prove(6, 10, honest.reader()).stream().map(Hash::toBase64).toList();
      assertRejected(with(good, honest6, honest10, honestProof), "consistent: no fork");
      assertRejected(with(good, honest6, honest6, List.of()), "no fork");
    }
  }

  private static ForkEvidence with(ForkEvidence e, String first, String second, List<String> p) {
    return new ForkEvidence(
        e.format(), e.origin(), e.logKeys(), first, second, p, e.detectedAt(), e.detectedVia());
  }

  private void assertRejected(ForkEvidence e, String message) {
    InvalidEvidenceException x =
        assertThrows(InvalidEvidenceException.class, () -> e.verify(List.of(honest.verifier())));
    assertTrue(x.getMessage().contains(message), x.getMessage());
  }

  private static String onlyEvidenceId(TestWitness w) throws Exception {
    HttpResponse<String> list = w.get("forks");
    assertEquals(200, list.statusCode());
    assertEquals("application/json", list.headers().firstValue("Content-Type").orElse(""));
    JsonNode items = new ObjectMapper().readTree(list.body()).get("evidence");
    assertEquals(1, items.size(), list.body());
    return items.get(0).get("id").asText();
  }

  private static ForkEvidence fetch(TestWitness w, String id) {
    HttpResponse<String> r = w.get("forks/" + id);
    assertEquals(200, r.statusCode());
    return ForkEvidence.fromJson(r.body().getBytes(StandardCharsets.UTF_8));
  }
}
