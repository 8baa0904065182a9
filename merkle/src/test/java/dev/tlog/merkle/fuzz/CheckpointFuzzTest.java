package dev.tlog.merkle.fuzz;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.CheckpointFormatException;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
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
 * Checkpoint bodies and signed checkpoints (spec/checkpoint.md) under garbage and damaged input:
 * the body parser throws only {@link CheckpointFormatException}, opening a signed one only the
 * library's typed exceptions.
 */
@AddLifecycleHook(FuzzTries.class)
class CheckpointFuzzTest {
  private static final String ORIGIN = "fuzz.example/log";
  private static final Ed25519NoteSigner SIGNER = new Ed25519NoteSigner(ORIGIN, new byte[32]);
  private static final List<NoteVerifier> KEYS = List.of(SIGNER.verifier());

  private FuzzTally tally;

  @Property(tries = 1500)
  void bodyParserThrowsOnlyCheckpointFormatException(@ForAll("bodies") byte[] input) {
    tally =
        tally != null ? tally : new FuzzTally("checkpoint/body", CheckpointFormatException.class);
    tally.run(
        () -> {
          Checkpoint c = Checkpoint.parse(new String(input, StandardCharsets.UTF_8));
          ChainHeadExtension.find(c);
          return c;
        });
  }

  @Property(tries = 1000)
  void openSignedThrowsOnlyTypedExceptions(@ForAll("signed") byte[] input) {
    tally = tally != null ? tally : new FuzzTally("checkpoint/open", MerkleException.class);
    tally.run(() -> Checkpoints.open(input, ORIGIN, KEYS));
  }

  @AfterProperty
  void report() {
    if (tally != null) {
      tally.print();
    }
  }

  private static Arbitrary<Checkpoint> checkpoints() {
    Arbitrary<Hash> hash = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::of);
    Arbitrary<List<String>> ext =
        Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(30),
                hash.map(ChainHeadExtension::line))
            .list()
            .ofMaxSize(2);
    return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), hash, ext)
        .as((size, root, e) -> new Checkpoint(ORIGIN, size, root, e));
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    List<String> seeds = Corpus.strings(s -> s.contains("\n"), "checkpoint/bodies.json");
    return Mutants.of(
        Arbitraries.oneOf(
            checkpoints().map(c -> c.toBody().getBytes(StandardCharsets.UTF_8)),
            Corpus.bytes(seeds)));
  }

  @Provide
  Arbitrary<byte[]> signed() {
    List<String> seeds = Corpus.strings(s -> s.contains("\n— "), "checkpoint/signed.json");
    return Mutants.of(
        Arbitraries.oneOf(
            checkpoints().map(c -> Checkpoints.sign(c, SIGNER).toBytes()), Corpus.bytes(seeds)));
  }
}
