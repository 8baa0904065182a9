package dev.tlog.merkle.checkpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.NoteVerificationException;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.VerifierKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointsTest {
  // Go's checksum database key, from golang.org/x/mod/gosumcheck/main.go.
  static final String SUMDB_VKEY =
      "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
  // A checkpoint published by sum.golang.org (quoted in sigsum's checkpoint proposal).
  static final String SUMDB_NOTE =
      "go.sum database tree\n15368405\n/g9am3I6YWNKaZX/jkne1fqd9zEyjss+JXyPXG0WfkY=\n\n"
          + "— sum.golang.org Az3grqJGUaSGukG9p8nI2vKgiFn7qGHxn0W+mrwyI6Gz3F0t1J3LzmWk/p96Ybf295EjwdSwlzgijq5WA9d1Ded7owM=\n";

  private final Ed25519NoteSigner log = new Ed25519NoteSigner("log.example", new byte[32]);

  @Test
  void realSumdbCheckpointVerifies() {
    List<NoteVerifier> keys = List.of(VerifierKeys.parse(SUMDB_VKEY));
    Checkpoint c = Checkpoints.openSigned(SUMDB_NOTE.getBytes(UTF_8), "go.sum database tree", keys);
    assertEquals(15368405, c.size());
    assertEquals(Hash.fromBase64("/g9am3I6YWNKaZX/jkne1fqd9zEyjss+JXyPXG0WfkY="), c.root());
    // One changed digit of the size breaks the signature.
    byte[] bad = SUMDB_NOTE.replace("15368405", "15368406").getBytes(UTF_8);
    assertThrows(
        NoteVerificationException.class,
        () -> Checkpoints.openSigned(bad, "go.sum database tree", keys));
  }

  @Test
  void wrongOrigin() {
    Checkpoint c = new Checkpoint("log.example", 3, Hash.ZERO);
    byte[] note = Checkpoints.sign(c, log).toBytes();
    var e =
        assertThrows(
            WrongOriginException.class,
            () -> Checkpoints.openSigned(note, "other.example", List.of(log.verifier())));
    assertEquals("other.example", e.expected());
    assertEquals("log.example", e.actual());
    assertEquals(c, Checkpoints.openSigned(note, "log.example", List.of(log.verifier())));
  }

  @Test
  void signedTextThatIsNotACheckpoint() {
    byte[] note = Notes.sign("log.example\n007\n" + Hash.ZERO.toBase64() + "\n", log).toBytes();
    assertThrows(
        CheckpointFormatException.class,
        () -> Checkpoints.openSigned(note, "log.example", List.of(log.verifier())));
  }

  @Test
  void openKeepsCosignatures() {
    Checkpoint c = new Checkpoint("log.example", 3, Hash.ZERO);
    Ed25519NoteSigner witness =
        new Ed25519NoteSigner(
            "w",
            new byte[] {
              1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
              1, 1, 1
            });
    byte[] note = Checkpoints.sign(c, log, witness).toBytes();
    OpenedCheckpoint s = Checkpoints.open(note, "log.example", List.of(log.verifier()));
    assertEquals(1, s.note().unverified().size());
  }
}
