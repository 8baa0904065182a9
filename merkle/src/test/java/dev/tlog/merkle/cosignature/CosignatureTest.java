package dev.tlog.merkle.cosignature;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import dev.tlog.merkle.checkpoint.CheckpointFormatException;
import dev.tlog.merkle.note.KeyFormatException;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.NoteVerificationException;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.UnsupportedKeyAlgorithmException;
import dev.tlog.merkle.note.VerifiedNote;
import dev.tlog.merkle.note.VerifierKeys;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CosignatureTest {
  private static final String BODY =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
  private final Cosigner witness = new Cosigner("witness.example/w1", new byte[32]);

  @Test
  void c2spExampleCosignatureHasTheSpecTimestamp() {
    // c2sp.org/tlog-cosignature example line; its message is shown with "time 1679315147".
    byte[] raw =
        Base64.getDecoder()
            .decode(
                "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==");
    assertEquals(0x8d66cf3f, ByteBuffer.wrap(raw).getInt());
    assertEquals(
        OptionalLong.of(1679315147),
        CosignatureVerifier.timestampOf(Arrays.copyOfRange(raw, 4, raw.length)));
  }

  @Test
  void transparencyDevTimestampVector() {
    // transparency-dev/formats note/note_cosigv1_test.go TestCoSigV1Timestamp "works".
    byte[] raw =
        Base64.getDecoder()
            .decode(
                "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==");
    assertEquals(
        OptionalLong.of(1727964367),
        CosignatureVerifier.timestampOf(Arrays.copyOfRange(raw, 4, raw.length)));
    // Its "wrong type of signature" case is a plain 64-byte Ed25519 signature.
    byte[] plain =
        Base64.getDecoder()
            .decode(
                "eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=");
    assertEquals(
        OptionalLong.empty(),
        CosignatureVerifier.timestampOf(Arrays.copyOfRange(plain, 4, plain.length)));
  }

  @Test
  void cosignVerifyRoundTrip() {
    NoteSignature sig = witness.cosign(BODY, 1679315147L);
    assertEquals(4 + 8 + 64, sig.payload().length);
    CosignatureVerifier v = witness.verifier();
    Cosignature c = v.check(BODY, sig);
    assertEquals(new Cosignature("witness.example/w1", witness.keyHash(), 1679315147L), c);
    assertTrue(v.verify(BODY.getBytes(UTF_8), sig.signature()));
    // The signature is plain Ed25519 over the documented message.
    byte[] ed = Arrays.copyOfRange(sig.signature(), 8, 72);
    assertTrue(
        dev.tlog.merkle.note.Ed25519KeyPair.verify(
            witness.publicKey(), ("cosignature/v1\ntime 1679315147\n" + BODY).getBytes(UTF_8), ed));
  }

  @Test
  void cosignatureInANoteVerifiesThroughNotesOpen() {
    Note note = new Note(BODY, List.of(witness.cosign(BODY, 5)));
    VerifiedNote v = Notes.open(note.toBytes(), List.of(VerifierKeys.parse(witness.verifierKey())));
    assertEquals(1, v.verified().size());
  }

  @Test
  void tamperingFailsVerification() {
    NoteSignature sig = witness.cosign(BODY, 100);
    CosignatureVerifier v = witness.verifier();
    byte[] raw = sig.signature();
    raw[7] ^= 1; // timestamp 100 -> 101
    assertFalse(v.verify(BODY.getBytes(UTF_8), raw));
    assertThrows(
        NoteVerificationException.class,
        () -> v.check(BODY, new NoteSignature(sig.name(), sig.keyHash(), raw)));
    assertFalse(v.verify((BODY + "ext\n").getBytes(UTF_8), sig.signature()), "covers extensions");
    assertFalse(v.verify(BODY.getBytes(UTF_8), Arrays.copyOf(sig.signature(), 71)));
    byte[] neg = sig.signature();
    neg[0] = (byte) 0x80;
    assertFalse(v.verify(BODY.getBytes(UTF_8), neg));
    assertEquals(OptionalLong.empty(), v.timestamp(neg));
    assertThrows(
        IllegalArgumentException.class,
        () -> v.check(BODY, new NoteSignature("other", sig.keyHash(), sig.signature())));
  }

  @Test
  void cosignRefusesNonCheckpointsAndNegativeTimes() {
    assertThrows(CheckpointFormatException.class, () -> witness.cosign("hello\n", 1));
    assertThrows(IllegalArgumentException.class, () -> witness.cosign(BODY, -1));
  }

  @Test
  void keyStrings() {
    assertTrue(witness.privateKey().startsWith("PRIVATE+KEY+witness.example/w1+"));
    Cosigner back = Cosigner.fromPrivateKey(witness.privateKey());
    assertEquals(witness.verifierKey(), back.verifierKey());
    assertEquals(witness.cosign(BODY, 9), back.cosign(BODY, 9));
    Cosigner g = Cosigner.generate("g", new SecureRandom());
    assertEquals(g.keyHash(), VerifierKeys.parse(g.verifierKey()).keyHash());
    // An Ed25519 note key is not a cosigner key, and vice versa.
    String noteKey =
        new dev.tlog.merkle.note.Ed25519NoteSigner("witness.example/w1", new byte[32]).privateKey();
    assertThrows(UnsupportedKeyAlgorithmException.class, () -> Cosigner.fromPrivateKey(noteKey));
    assertThrows(
        KeyFormatException.class,
        () -> dev.tlog.merkle.note.Ed25519NoteSigner.fromPrivateKey(witness.privateKey()));
  }
}
