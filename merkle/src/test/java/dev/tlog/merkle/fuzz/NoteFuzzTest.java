package dev.tlog.merkle.fuzz;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.KeyFormatException;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteFormatException;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.VerifierKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Signed notes (spec/signed-note.md) and verifier keys under garbage and damaged input: the parser
 * throws only {@link NoteFormatException}, opening only the library's typed exceptions, and a key
 * string only {@link KeyFormatException}.
 */
@AddLifecycleHook(FuzzTries.class)
class NoteFuzzTest {
  private static final Ed25519NoteSigner SIGNER =
      new Ed25519NoteSigner("fuzz.example/log", new byte[32]);
  private static final List<NoteVerifier> KNOWN = List.of(SIGNER.verifier());

  private FuzzTally tally;

  @Property(tries = 1500)
  void parseThrowsOnlyNoteFormatException(@ForAll("notes") byte[] input) {
    tally = tally("note/parse", NoteFormatException.class);
    tally.run(() -> Note.parse(input));
  }

  @Property(tries = 1000)
  void openThrowsOnlyTypedExceptions(@ForAll("notes") byte[] input) {
    tally = tally("note/open", MerkleException.class);
    tally.run(() -> Notes.open(input, KNOWN));
  }

  @Property(tries = 1000)
  void verifierKeyThrowsOnlyKeyFormatException(@ForAll("vkeys") byte[] input) {
    tally = tally("note/vkey", KeyFormatException.class);
    tally.run(() -> VerifierKeys.parse(new String(input, StandardCharsets.UTF_8)));
  }

  @AfterProperty
  void report() {
    if (tally != null) {
      tally.print();
    }
  }

  @Provide
  Arbitrary<byte[]> notes() {
    Arbitrary<byte[]> signed =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .ofMaxLength(40)
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(l -> Notes.sign(String.join("\n", l) + "\n", SIGNER).toBytes());
    List<String> seeds =
        Corpus.strings(s -> s.contains("\n"), "note/notes.json", "checkpoint/signed.json");
    return Mutants.of(Arbitraries.oneOf(signed, Corpus.bytes(seeds)));
  }

  @Provide
  Arbitrary<byte[]> vkeys() {
    List<String> seeds = Corpus.strings(s -> s.contains("+"), "note/keys.json", "note/notes.json");
    return Mutants.of(
        Arbitraries.oneOf(
            Arbitraries.just(SIGNER.verifier().verifierKey().getBytes(StandardCharsets.UTF_8)),
            Corpus.bytes(seeds)));
  }

  // One tally per property: jqwik makes a new instance of this class for each property.
  private FuzzTally tally(String target, Class<? extends RuntimeException> expected) {
    return tally != null ? tally : new FuzzTally(target, expected);
  }
}
