package dev.tlog.merkle.note;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class NoteProperties {
  @Provide
  Arbitrary<Note> notes() {
    return NoteArbitraries.notes();
  }

  @Provide
  Arbitrary<String> texts() {
    return NoteArbitraries.texts();
  }

  @Provide
  Arbitrary<String> names() {
    return NoteArbitraries.keyNames();
  }

  @Provide
  Arbitrary<byte[]> seeds() {
    return NoteArbitraries.seeds();
  }

  @Property
  void parseOfSerializeIsIdentity(@ForAll("notes") Note note) {
    byte[] bytes = note.toBytes();
    Note back = Note.parse(bytes);
    assertEquals(note, back);
    assertArrayEquals(bytes, back.toBytes());
    assertEquals(note, Note.parse(note.serialize()));
  }

  @Property
  void randomBytesOnlyThrowNoteFormatException(@ForAll @Size(max = 300) byte[] bytes) {
    parseOrFormatError(bytes);
  }

  @Property
  void randomNoteLikeStringsOnlyThrowNoteFormatException(@ForAll("noteLike") String s) {
    parseOrFormatError(s.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> noteLike() {
    return Arbitraries.strings().withChars("ab +=/\n\t—AQ\u0000é").ofMaxLength(120);
  }

  @Property
  void mutatedNotesOnlyThrowNoteFormatException(
      @ForAll("notes") Note note,
      @ForAll @IntRange(min = 0, max = 100_000) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] b = note.toBytes();
    b[at % b.length] ^= (byte) xor;
    parseOrFormatError(b);
  }

  @Property
  void signThenOpenVerifies(
      @ForAll("texts") String text, @ForAll("names") String name, @ForAll("seeds") byte[] seed) {
    Ed25519NoteSigner signer = new Ed25519NoteSigner(name, seed);
    Note note = Notes.sign(text, signer);
    VerifiedNote v = Notes.open(note.toBytes(), List.of(signer.verifier()));
    assertEquals(text, v.text());
    assertEquals(note.signatures(), v.verified());
  }

  @Property(tries = 300)
  void anySingleByteMutationOfASignedNoteFailsVerification(
      @ForAll("texts") String text,
      @ForAll("seeds") byte[] seed,
      @ForAll @IntRange(min = 0, max = 100_000) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    Ed25519NoteSigner signer = new Ed25519NoteSigner("log.example", seed);
    byte[] b = Notes.sign(text, signer).toBytes();
    b[at % b.length] ^= (byte) xor;
    assertThrows(
        dev.tlog.merkle.MerkleException.class, () -> Notes.open(b, List.of(signer.verifier())));
  }

  @Property
  void keyStringsRoundTrip(@ForAll("names") String name, @ForAll("seeds") byte[] seed) {
    Ed25519NoteSigner s = new Ed25519NoteSigner(name, seed);
    Ed25519NoteSigner back = Ed25519NoteSigner.fromPrivateKey(s.privateKey());
    assertEquals(s.privateKey(), back.privateKey());
    assertEquals(s.verifierKey(), back.verifierKey());
    NoteVerifier v = VerifierKeys.parse(s.verifierKey());
    assertEquals(name, v.name());
    assertEquals(s.keyHash(), v.keyHash());
    assertEquals(s.verifierKey(), VerifierKey.parse(s.verifierKey()).encode());
    assertEquals(s.privateKey(), SignerKey.parse(s.privateKey()).encode());
  }

  @Property
  void mutatedKeyStringsOnlyThrowKeyFormatException(
      @ForAll("names") String name,
      @ForAll("seeds") byte[] seed,
      @ForAll @IntRange(min = 0, max = 1000) int at,
      @ForAll @IntRange(min = 1, max = 127) int xor) {
    Ed25519NoteSigner s = new Ed25519NoteSigner(name, seed);
    for (String key : new String[] {s.verifierKey(), s.privateKey()}) {
      char[] c = key.toCharArray();
      c[at % c.length] ^= (char) xor;
      String mutated = new String(c);
      try {
        if (key.startsWith(SignerKey.PREFIX)) {
          Ed25519NoteSigner.fromPrivateKey(mutated);
        } else {
          VerifierKeys.parse(mutated);
        }
        fail("mutated key accepted: " + mutated);
      } catch (KeyFormatException expected) {
        // Every change breaks the syntax, the key hash or the algorithm.
      }
    }
  }

  private static void parseOrFormatError(byte[] bytes) {
    try {
      Note n = Note.parse(bytes);
      assertArrayEquals(bytes, n.toBytes(), "accepted input must re-serialize identically");
    } catch (NoteFormatException expected) {
      // The only permitted failure.
    }
  }
}
