package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.witness.AddCheckpointRequest;
import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error of add-checkpoint, with exact status and body; after each, the witness's state is
 * unchanged (the recorded size is still 6 and the honest next request still succeeds).
 */
class ErrorPathsTest {
  @TempDir Path dir;

  private final TestLog log = new TestLog("log.test/errors", 4).append(6, "e");
  private TestWitness w;

  @BeforeEach
  void start() {
    w = TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()));
    assertEquals(200, w.post(log.body(0)).statusCode());
    log.append(5, "e"); // now 11; the witness has 6
  }

  @AfterEach
  void stateUnchangedThenStop() {
    String latest = w.checkpoint(log.origin()).body();
    assertEquals("6", latest.lines().skip(1).findFirst().orElseThrow());
    assertEquals(0, forkCount());
    assertEquals(200, w.post(log.body(6)).statusCode(), "honest request still accepted");
    w.close();
  }

  private long forkCount() {
    return w.server().forks().ids().size();
  }

  private static void assertText(HttpResponse<String> r, int status, String body) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(body + "\n", r.body());
  }

  @Test
  void garbageIs400() {
    assertText(
        w.post("hello".getBytes(StandardCharsets.UTF_8)),
        400,
        "expected a old size line ending in a newline at byte 0");
    assertText(
        w.post("old 06\n\nx\n".getBytes(StandardCharsets.UTF_8)),
        400,
        "old size must be a canonical decimal, got \"06\"");
  }

  @Test
  void badProofLineIs400() {
    String body = "old 6\nnot-base64\n\n" + log.checkpoint().serialize();
    assertText(
        w.post(body.getBytes(StandardCharsets.UTF_8)),
        400,
        "consistency proof line 1 is not base64 of 32 bytes: invalid base64 hash: Illegal base64"
            + " character 2d");
  }

  @Test
  void oldLargerThanCheckpointIs400() {
    byte[] body = new AddCheckpointRequest(12, List.of(), log.checkpoint()).toBytes();
    assertText(w.post(body), 400, "old size 12 is larger than the checkpoint size 11");
  }

  @Test
  void bodyOverTheLimitIs413() {
    byte[] body = new byte[AddCheckpointRequest.MAX_BODY_BYTES + 1];
    assertText(w.post(body), 413, "request body is over the limit of the endpoint");
  }

  @Test
  void unknownOriginIs404() {
    TestLog stranger = new TestLog("log.test/unknown", 4).append(2, "e");
    assertText(w.post(stranger.body(0)), 404, "unknown log origin \"log.test/unknown\"");
    assertText(w.checkpoint("log.test/unknown"), 404, "unknown log origin \"log.test/unknown\"");
  }

  @Test
  void wrongKeyIs403() {
    Ed25519NoteSigner impostor = new Ed25519NoteSigner(log.origin(), new byte[32]);
    Note forged = Notes.sign(log.checkpoint().text(), impostor);
    byte[] body = new AddCheckpointRequest(6, log.proof(6), forged).toBytes();
    HttpResponse<String> r = w.post(body);
    assertEquals(403, r.statusCode(), r.body());
    assertEquals(
        "checkpoint for \"log.test/errors\" is not signed by its log: no trusted signature: none"
            + " of the 1 signatures is by a known key (found "
            + forged.signatures().get(0).keyId()
            + ")\n",
        r.body());
  }

  @Test
  void invalidSignatureByTheLogKeyIs403() {
    Note good = log.checkpoint();
    var sig = good.signatures().get(0);
    byte[] bad = sig.signature();
    bad[0] ^= 1;
    Note tampered =
        new Note(
            good.text(),
            List.of(new dev.tlog.merkle.note.NoteSignature(sig.name(), sig.keyHash(), bad)));
    HttpResponse<String> r = w.post(new AddCheckpointRequest(6, log.proof(6), tampered).toBytes());
    assertEquals(403, r.statusCode(), r.body());
  }

  @Test
  void staleOldSizeIs409WithTheWitnessSize() {
    for (long old : new long[] {0, 5, 7}) {
      HttpResponse<String> r = w.post(log.body(old));
      assertEquals(409, r.statusCode(), r.body());
      assertEquals("text/x.tlog.size", r.headers().firstValue("Content-Type").orElse(""));
      assertEquals("6\n", r.body());
    }
  }

  @Test
  void badProofIs422WithoutEvidence() {
    List<Hash> proof = new ArrayList<>(log.proof(6));
    byte[] h = proof.get(0).bytes();
    h[0] ^= 1;
    proof.set(0, Hash.of(h));
    HttpResponse<String> r = w.post(new AddCheckpointRequest(6, proof, log.checkpoint()).toBytes());
    assertEquals(422, r.statusCode(), r.body());
    assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        true,
        r.body().startsWith("consistency proof from size 6 to 11 does not verify: root mismatch"),
        r.body());

    List<Hash> missing = log.proof(6).subList(1, log.proof(6).size());
    r = w.post(new AddCheckpointRequest(6, missing, log.checkpoint()).toBytes());
    assertText(
        r,
        422,
        "consistency proof from size 6 to 11 does not verify: consistency proof from size 6 to"
            + " 11 has 3 hashes, want 4");
  }
}
