package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.VerifiedNote;
import dev.tlog.merkle.witness.AddCheckpointRequest;
import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness cosigns every checkpoint of a growing log, and its cosignatures verify. */
class AddCheckpointTest {
  @TempDir Path dir;

  @Test
  void cosignsEveryCheckpointOfAGrowingLog() {
    TestLog log = new TestLog("log.test/growing", 1);
    Random random = new Random(7);
    try (TestWitness w = TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()))) {
      CosignatureVerifier cosigner = w.cosignatureVerifier();
      long old = 0;
      for (int i = 0; i < 60; i++) {
        // Steps of 1..300 leaves cross powers of two and tile boundaries (256).
        log.append(1 + random.nextInt(i % 10 == 0 ? 300 : 9), "e");
        Note note = log.checkpoint();
        HttpResponse<String> r =
            w.post(new AddCheckpointRequest(old, log.proof(old), note).toBytes());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").get());
        assertCosigned(note, r.body(), cosigner);
        old = log.size();
      }
      HttpResponse<String> latest = w.checkpoint(log.origin());
      assertEquals(200, latest.statusCode());
      byte[] bytes = latest.body().getBytes(StandardCharsets.UTF_8);
      Checkpoint cp = Checkpoints.openSigned(bytes, log.origin(), List.of(log.verifier()));
      assertEquals(log.size(), cp.size());
      assertEquals(log.root(), cp.root());
      VerifiedNote cosigned = Notes.open(bytes, List.of(cosigner));
      assertEquals(1, cosigned.verified().size());
    }
  }

  @Test
  void sameCheckpointAgainIsCosignedAgainAndVkeyIsServed() {
    TestLog log = new TestLog("log.test/again", 2).append(5, "e");
    try (TestWitness w = TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()))) {
      assertEquals(200, w.post(log.body(0)).statusCode());
      HttpResponse<String> again = w.post(log.body(5));
      assertEquals(200, again.statusCode(), again.body());
      assertCosigned(log.checkpoint(), again.body(), w.cosignatureVerifier());

      HttpResponse<String> vkey = w.get("vkey");
      assertEquals(200, vkey.statusCode());
      assertEquals(w.server().verifierKey() + "\n", vkey.body());
    }
  }

  @Test
  void acceptsForeignLogsWithoutChainLineAndWithOtherSignatures() {
    TestLog log = new TestLog("example.com/behind the sofa", "example.com", 3).append(3, "e");
    try (TestWitness w = TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()))) {
      // An extension line of some other log design, and a cosignature by a witness we don't know.
      Note note = log.checkpoint("some-extension 1 2 3");
      Cosigner stranger = new Cosigner("other.witness/w", new byte[32]);
      Note withStranger = note.withSignature(stranger.cosign(note.text(), 42));
      HttpResponse<String> r =
          w.post(new AddCheckpointRequest(0, List.of(), withStranger).toBytes());
      assertEquals(200, r.statusCode(), r.body());
      assertCosigned(note, r.body(), w.cosignatureVerifier());
      // Its origin has spaces and a slash: the read path percent-encodes it.
      String served = w.checkpoint(log.origin()).body();
      assertTrue(served.startsWith(note.text()), served);
      assertTrue(!served.contains("other.witness/w"), "unknown signatures are not kept");
    }
  }

  /** The response is one cosignature line that verifies on the checkpoint, timestamped now. */
  static void assertCosigned(Note checkpoint, String response, CosignatureVerifier cosigner) {
    assertTrue(response.startsWith(NoteSignature.LINE_PREFIX + cosigner.name() + " "), response);
    assertEquals(1, response.lines().count());
    byte[] combined = (checkpoint.serialize() + response).getBytes(StandardCharsets.UTF_8);
    VerifiedNote v = Notes.open(combined, List.of(cosigner));
    NoteSignature sig = v.verified().get(0);
    long time = cosigner.check(checkpoint.text(), sig).timestamp();
    assertEquals(TestWitness.NOW.getEpochSecond(), time);
  }
}
