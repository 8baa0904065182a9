package dev.tlog.merkle.fuzz;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.Notes;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Cosigned checkpoints (spec/cosignature.md) under damaged input: opening with a log key and a
 * cosigner key, then checking every line that names the cosigner, throws only the library's typed
 * exceptions — a damaged timestamp or signature is a {@code NoteVerificationException}.
 */
@AddLifecycleHook(FuzzTries.class)
class CosignatureFuzzTest {
  private static final String ORIGIN = "fuzz.example/log";
  private static final Ed25519NoteSigner LOG = new Ed25519NoteSigner(ORIGIN, new byte[32]);
  private static final Cosigner WITNESS = new Cosigner("fuzz.example/witness", new byte[32]);
  private static final CosignatureVerifier COSIGNED = WITNESS.verifier();
  private static final List<NoteVerifier> KEYS = List.of(LOG.verifier(), COSIGNED);

  private FuzzTally tally;

  @Property(tries = 500)
  void cosignedNotesThrowOnlyTypedExceptions(@ForAll("cosigned") byte[] input) {
    tally = tally != null ? tally : new FuzzTally("cosignature/open+check", MerkleException.class);
    tally.run(
        () -> {
          var verified = Notes.open(input, KEYS);
          Note note = Note.parse(input);
          for (NoteSignature sig : note.signatures()) {
            if (sig.name().equals(COSIGNED.name()) && sig.keyHash() == COSIGNED.keyHash()) {
              COSIGNED.check(note.text(), sig);
            }
            CosignatureVerifier.timestampOf(sig.signature());
          }
          return verified;
        });
  }

  @AfterProperty
  void report() {
    if (tally != null) {
      tally.print();
    }
  }

  @Provide
  Arbitrary<byte[]> cosigned() {
    Arbitrary<Hash> hash = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::of);
    Arbitrary<byte[]> valid =
        Combinators.combine(
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                hash,
                Arbitraries.longs().between(0, Long.MAX_VALUE))
            .as(
                (size, root, time) -> {
                  Checkpoint c = new Checkpoint(ORIGIN, size, root, List.of());
                  return Checkpoints.sign(c, LOG).withSignature(WITNESS.cosign(c, time)).toBytes();
                });
    return Mutants.of(valid);
  }
}
