package dev.tlog.merkle.note;

import static org.junit.jupiter.api.Assertions.*;

import dev.tlog.merkle.cosignature.CosignatureVerifier;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotesTest {
  private final Ed25519NoteSigner log = new Ed25519NoteSigner("log.example/1", new byte[32]);
  private final Ed25519NoteSigner other = Ed25519NoteSigner.generate("other", new SecureRandom());

  @Test
  void signRequiresValidTextAndASigner() {
    assertThrows(NoteFormatException.class, () -> Notes.sign("abc", log));
    assertThrows(NoteFormatException.class, () -> Notes.sign("", log));
    assertThrows(IllegalArgumentException.class, () -> Notes.sign("abc\n"));
    assertThrows(NoteFormatException.class, () -> Notes.sign("abc\n", log, log));
  }

  @Test
  void unknownSignaturesAreKeptButIgnored() {
    Note n = Notes.sign("t\n", other, log);
    VerifiedNote v = Notes.open(n.toBytes(), List.of(log.verifier()));
    assertEquals(List.of(n.signatures().get(1)), v.verified());
    assertEquals(List.of(n.signatures().get(0)), v.unverified());
  }

  @Test
  void sameNameOtherHashIsUnknownNotInvalid() {
    // A key sharing the name but not the key hash is a different key (C2SP signed-note).
    Ed25519NoteSigner impostor =
        new Ed25519NoteSigner(
            log.name(),
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
              25, 26, 27, 28, 29, 30, 31, 32
            });
    Note n = Notes.sign("t\n", impostor, log);
    assertEquals(1, Notes.open(n.toBytes(), List.of(log.verifier())).unverified().size());
  }

  @Test
  void badSignatureFromKnownKeyRejectsTheWholeNote() {
    Note n = Notes.sign("t\n", log, other);
    byte[] sig = n.signatures().get(0).signature();
    sig[10] ^= 1;
    Note tampered =
        new Note(
            "t\n",
            List.of(new NoteSignature(log.name(), log.keyHash(), sig), n.signatures().get(1)));
    var e =
        assertThrows(
            NoteVerificationException.class,
            () -> Notes.open(tampered.toBytes(), List.of(log.verifier(), other.verifier())));
    assertEquals(NoteVerificationException.Reason.INVALID_SIGNATURE, e.reason());
    assertTrue(e.getMessage().contains(log.name()));
  }

  @Test
  void noTrustedSignature() {
    Note n = Notes.sign("t\n", other);
    var e =
        assertThrows(
            NoteVerificationException.class,
            () -> Notes.open(n.toBytes(), List.of(log.verifier())));
    assertTrue(e.getMessage().startsWith("no trusted signature"), e.getMessage());
  }

  @Test
  void ambiguousVerifiersAreACallerBug() {
    NoteVerifier a = log.verifier();
    NoteVerifier b = log.verifier();
    assertThrows(IllegalArgumentException.class, () -> Notes.open(new byte[0], List.of(a, b)));
    // The same instance twice is harmless.
    assertEquals(1, Notes.open(Notes.sign("t\n", log).toBytes(), List.of(a, a)).verified().size());
  }

  @Test
  void keyStringsRoundTrip() {
    assertEquals(log.privateKey(), Ed25519NoteSigner.fromPrivateKey(log.privateKey()).privateKey());
    NoteVerifier v = VerifierKeys.parse(log.verifierKey());
    assertInstanceOf(Ed25519NoteVerifier.class, v);
    assertEquals(log.keyHash(), v.keyHash());
    assertEquals(log.verifierKey(), ((Ed25519NoteVerifier) v).verifierKey());
    assertEquals(log.verifierKey(), VerifierKey.parse(log.verifierKey()).encode());
    assertFalse(log.toString().contains(log.privateKey().substring(30)));
  }

  @Test
  void keyStringErrors() {
    assertThrows(KeyFormatException.class, () -> VerifierKeys.parse(null));
    assertThrows(KeyFormatException.class, () -> VerifierKeys.parse("name+0000"));
    String vk = log.verifierKey();
    assertThrows(KeyFormatException.class, () -> VerifierKeys.parse(vk.replace("+", "+0x")));
    String upper = vk.substring(0, vk.indexOf('+') + 9).toUpperCase();
    assertThrows(
        KeyFormatException.class,
        () ->
            VerifierKeys.parse(
                log.name() + upper.substring(log.name().length()) + vk.substring(upper.length())));
    // A cosigner private key is not an Ed25519 note key.
    String cosignerKey = log.privateKey().replace("+AQ", "+BA");
    assertThrows(KeyFormatException.class, () -> Ed25519NoteSigner.fromPrivateKey(cosignerKey));
    String nonsense =
        "PRIVATE+KEY+n+00000000+" + java.util.Base64.getEncoder().encodeToString(new byte[] {9, 1});
    var e =
        assertThrows(
            UnsupportedKeyAlgorithmException.class,
            () -> Ed25519NoteSigner.fromPrivateKey(nonsense));
    assertEquals(9, e.algorithm());
    assertFalse(e.getMessage().contains("AQE"));
  }

  @Test
  void cosignatureVkeysGiveCosignatureVerifiers() {
    byte[] pub = log.publicKey();
    CosignatureVerifier c = new CosignatureVerifier("w.example", pub);
    assertInstanceOf(CosignatureVerifier.class, VerifierKeys.parse(c.verifierKey()));
    assertNotEquals(
        new Ed25519NoteVerifier("w.example", pub).keyHash(), c.keyHash(), "type byte is hashed");
  }

  @Test
  void keyNames() {
    for (String ok : new String[] {"a", "example.com/log", "日本語", "PeterNeumann", "oid/1.3.6"}) {
      assertTrue(KeyName.isValid(ok), ok);
    }
    for (String bad :
        new String[] {
          "",
          "a+b",
          "a b",
          "a\tb",
          "a\u00a0b",
          "a\u2003b",
          "a\u0085b",
          "a\u2028b",
          "a\nb",
          "\u0001",
          "\ud800"
        }) {
      assertFalse(KeyName.isValid(bad), bad);
      assertThrows(KeyFormatException.class, () -> KeyName.check(bad));
    }
  }
}
