package dev.tlog.merkle.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The bundle parser: round trip, and garbage only ever raises its typed exception. */
class BundleCodecProperties {
  @Property(tries = 300)
  void encodeThenDecodeIsIdentity(@ForAll("bundles") EvidenceBundle b) {
    byte[] bytes = BundleCodec.encode(b);
    EvidenceBundle back = BundleCodec.decode(bytes);
    assertEquals(b, back);
    assertArrayEquals(bytes, BundleCodec.encode(back));
  }

  @Property(tries = 500)
  void randomBytesFailOnlyWithBundleFormatException(@ForAll @Size(max = 400) byte[] garbage) {
    assertThrows(BundleFormatException.class, () -> BundleCodec.decode(garbage));
  }

  @Property(tries = 300)
  void anyChangedByteOfAValidBundleIsRejected(
      @ForAll("bundles") EvidenceBundle b,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] bytes = BundleCodec.encode(b);
    int i = at % bytes.length;
    bytes[i] ^= (byte) xor;
    try {
      EvidenceBundle parsed = BundleCodec.decode(bytes);
      // Parsed despite the change: the content differs, so it cannot equal the original.
      assertThrows(AssertionError.class, () -> assertEquals(b, parsed));
    } catch (BundleFormatException expected) {
      // the only exception decode may throw
    }
  }

  @Provide
  Arbitrary<EvidenceBundle> bundles() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('é', '—', '日', '\n')
            .ofMinLength(1)
            .ofMaxLength(60);
    Arbitrary<Hash> hash = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::of);
    Arbitrary<EvidenceBundle.Entry> entry =
        Combinators.combine(
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                hash,
                hash.list().ofMaxSize(8))
            .as(EvidenceBundle.Entry::new);
    Arbitrary<List<EvidenceBundle.Entry>> entries =
        entry.list().ofMinSize(1).ofMaxSize(4).map(BundleCodecProperties::increasing);
    return Combinators.combine(text, text, text.list().ofMaxSize(2), text, entries)
        .as(EvidenceBundle::new);
  }

  private static List<EvidenceBundle.Entry> increasing(List<EvidenceBundle.Entry> in) {
    List<EvidenceBundle.Entry> out = new ArrayList<>();
    long at = -1;
    for (EvidenceBundle.Entry e : in) {
      at = Math.max(at + 1, Math.min(e.index(), Long.MAX_VALUE - 10));
      out.add(new EvidenceBundle.Entry(at, e.data(), e.leafHash(), e.proof()));
    }
    return out;
  }
}
