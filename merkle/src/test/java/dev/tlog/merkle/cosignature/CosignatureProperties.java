package dev.tlog.merkle.cosignature;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.NoteArbitraries;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.VerifierKeys;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CosignatureProperties {
  private static final String BODY = "log.example\n5\n" + Hash.ZERO.toBase64() + "\n";

  @Provide
  Arbitrary<String> names() {
    return NoteArbitraries.keyNames();
  }

  @Provide
  Arbitrary<byte[]> seeds() {
    return NoteArbitraries.seeds();
  }

  @Provide
  Arbitrary<Long> times() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(0L, Long.MAX_VALUE));
  }

  @Property
  void cosignThenCheck(
      @ForAll("names") String name, @ForAll("seeds") byte[] seed, @ForAll("times") long time) {
    Cosigner c = new Cosigner(name, seed);
    NoteSignature sig = c.cosign(BODY, time);
    assertEquals(time, c.verifier().check(BODY, sig).timestamp());
    assertEquals(time, c.verifier().timestamp(sig.signature()).getAsLong());
  }

  @Property
  void anyByteFlipInBodyOrSignatureFails(
      @ForAll("seeds") byte[] seed,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long time,
      @ForAll @IntRange(min = 0, max = 10_000) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    Cosigner c = new Cosigner("w", seed);
    CosignatureVerifier v = c.verifier();
    byte[] sig = c.cosign(BODY, time).signature();
    byte[] body = BODY.getBytes(UTF_8);
    byte[] badSig = sig.clone();
    badSig[at % badSig.length] ^= (byte) xor;
    assertFalse(v.verify(body, badSig));
    body[at % body.length] ^= (byte) xor;
    assertFalse(v.verify(body, sig));
  }

  @Property
  void keyStringsRoundTrip(@ForAll("names") String name, @ForAll("seeds") byte[] seed) {
    Cosigner c = new Cosigner(name, seed);
    assertEquals(c.privateKey(), Cosigner.fromPrivateKey(c.privateKey()).privateKey());
    CosignatureVerifier v = (CosignatureVerifier) VerifierKeys.parse(c.verifierKey());
    assertEquals(c.keyHash(), v.keyHash());
    assertEquals(c.verifierKey(), v.verifierKey());
  }
}
