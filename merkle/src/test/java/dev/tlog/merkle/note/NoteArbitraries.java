package dev.tlog.merkle.note;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators shared by the note, checkpoint and cosignature properties. */
public final class NoteArbitraries {
  private NoteArbitraries() {}

  /** Valid key names, mixing ASCII URL-ish characters with non-ASCII letters. */
  public static Arbitrary<String> keyNames() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars("./-_:é世ß")
        .ofMinLength(1)
        .ofMaxLength(24);
  }

  /** One line of text: any BMP character except controls and surrogates, plus some emoji. */
  public static Arbitrary<String> lines() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
        Arbitraries.strings().withCharRange(' ', '\ud7ff').ofMaxLength(20),
        Arbitraries.of("", "— k AAAA", "\ud83d\ude00", "\u007f\u0085\u00a0\u2028"));
  }

  /** Valid note texts: lines (possibly empty) each ending in a newline. */
  public static Arbitrary<String> texts() {
    return lines().list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("\n", l) + "\n");
  }

  public static Arbitrary<byte[]> seeds() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  public static Arbitrary<NoteSignature> signatures() {
    return Combinators.combine(
            keyNames(),
            Arbitraries.integers(),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80))
        .as(NoteSignature::new);
  }

  public static Arbitrary<Note> notes() {
    Arbitrary<List<NoteSignature>> sigs =
        signatures().list().ofMinSize(1).ofMaxSize(5).uniqueElements(NoteSignature::keyId);
    return Combinators.combine(texts(), sigs).as(Note::new);
  }
}
