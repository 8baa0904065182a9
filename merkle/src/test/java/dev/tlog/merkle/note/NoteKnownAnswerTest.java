package dev.tlog.merkle.note;

import static dev.tlog.merkle.note.KnownAnswers.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteKnownAnswerTest {
  @Test
  void goExampleSignatureIsReproducedByteForByte() {
    Ed25519NoteSigner peter = Ed25519NoteSigner.fromPrivateKey(PETER_SKEY);
    assertEquals(PETER_VKEY, peter.verifierKey());
    assertEquals(PETER_SKEY, peter.privateKey());
    assertEquals(TEXT + "\n" + PETER_SIG, Notes.sign(TEXT, peter).serialize());
  }

  @Test
  void goEnochRootIsTheZeroSeedAndCosignsTheSameText() {
    // Go's ExampleSign_add_signatures generates EnochRoot from an all-zero reader.
    Ed25519NoteSigner enoch = new Ed25519NoteSigner("EnochRoot", new byte[32]);
    assertEquals(ENOCH_VKEY, enoch.verifierKey());
    Ed25519NoteSigner peter = Ed25519NoteSigner.fromPrivateKey(PETER_SKEY);
    assertEquals(TEXT + "\n" + PETER_SIG + ENOCH_SIG, Notes.sign(TEXT, peter, enoch).serialize());
  }

  @Test
  void goOpenSemantics() {
    NoteVerifier peter = VerifierKeys.parse(PETER_VKEY);
    NoteVerifier enoch = VerifierKeys.parse(ENOCH_VKEY);
    byte[] msg = (TEXT + "\n" + PETER_SIG + ENOCH_SIG).getBytes(UTF_8);

    VerifiedNote one = Notes.open(msg, List.of(peter));
    assertEquals(TEXT, one.text());
    assertEquals(List.of("PeterNeumann+c74f20a3"), ids(one.verified()));
    assertEquals(List.of("EnochRoot+af0cfe78"), ids(one.unverified()));

    VerifiedNote both = Notes.open(msg, List.of(peter, enoch));
    assertEquals(2, both.verified().size());
    assertTrue(both.unverified().isEmpty());

    NoteVerificationException none =
        assertThrows(NoteVerificationException.class, () -> Notes.open(msg, List.of()));
    assertEquals(NoteVerificationException.Reason.NO_TRUSTED_SIGNATURE, none.reason());

    // Go's "invalid signature" case: "ABCD" spliced into the base64 at character 60.
    String bad = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
    NoteVerificationException invalid =
        assertThrows(
            NoteVerificationException.class,
            () -> Notes.open((TEXT + "\n" + bad).getBytes(UTF_8), List.of(peter)));
    assertEquals(NoteVerificationException.Reason.INVALID_SIGNATURE, invalid.reason());
  }

  @Test
  void goMalformedMessagesAreRejected() {
    String[] bad = {
      TEXT,
      TEXT + "\n",
      TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
      "\u0001" + TEXT + "\n" + PETER_SIG,
      TEXT
          + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
      TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
    };
    for (String b : bad) {
      assertThrows(NoteFormatException.class, () -> Note.parse(b), b);
    }
    byte[] ff = ("x" + TEXT + "\n" + PETER_SIG).getBytes(UTF_8);
    ff[0] = (byte) 0xff;
    assertThrows(NoteFormatException.class, () -> Note.parse(ff));
  }

  @Test
  void goVerifierKeyManglingsAreRejected() {
    VerifierKeys.parse(PETER_VKEY);
    // Every proper substring and every single-byte increment, as in Go's TestNewVerifier.
    for (int i = 0; i <= PETER_VKEY.length(); i++) {
      for (int j = i + 1; j <= PETER_VKEY.length(); j++) {
        if (i != 0 || j != PETER_VKEY.length()) {
          String k = PETER_VKEY.substring(i, j);
          assertThrows(KeyFormatException.class, () -> VerifierKeys.parse(k), k);
        }
      }
    }
    char[] c = PETER_VKEY.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i]++;
      String k = new String(c);
      assertThrows(KeyFormatException.class, () -> VerifierKeys.parse(k), k);
      c[i]--;
    }
    // Go: wrong-length key with adjusted hash; unknown algorithm with adjusted hash.
    assertThrows(
        KeyFormatException.class,
        () ->
            VerifierKeys.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
    UnsupportedKeyAlgorithmException alg =
        assertThrows(
            UnsupportedKeyAlgorithmException.class,
            () ->
                VerifierKeys.parse(
                    "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    assertEquals(0x65, alg.algorithm());
  }

  @Test
  void goPrivateKeyManglingsAreRejected() {
    for (int i = 0; i <= PETER_SKEY.length(); i++) {
      for (int j = i + 1; j <= PETER_SKEY.length(); j++) {
        if (i != 0 || j != PETER_SKEY.length()) {
          String k = PETER_SKEY.substring(i, j);
          assertThrows(KeyFormatException.class, () -> Ed25519NoteSigner.fromPrivateKey(k));
        }
      }
    }
    char[] c = PETER_SKEY.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i]++;
      String k = new String(c);
      assertThrows(KeyFormatException.class, () -> Ed25519NoteSigner.fromPrivateKey(k));
      c[i]--;
    }
  }

  @Test
  void c2spSignedNoteExampleVerifies() {
    VerifiedNote n = Notes.open(C2SP_NOTE.getBytes(UTF_8), List.of(VerifierKeys.parse(C2SP_VKEY)));
    assertEquals("This is an example message.\n", n.text());
    assertEquals(0x530d903a, n.verified().get(0).keyHash());
  }

  @Test
  void transparencyDevVerifierKeysParse() {
    // transparency-dev/formats note/note_cosigv1_test.go: an Ed25519 and a cosignature vkey.
    assertInstanceOf(
        Ed25519NoteVerifier.class,
        VerifierKeys.parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"));
    NoteVerifier remora =
        VerifierKeys.parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
    assertEquals(0xda77ade7, remora.keyHash());
  }

  private static List<String> ids(List<NoteSignature> sigs) {
    return sigs.stream().map(NoteSignature::keyId).toList();
  }
}
