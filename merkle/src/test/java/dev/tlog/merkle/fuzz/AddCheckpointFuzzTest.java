package dev.tlog.merkle.fuzz;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.witness.AddCheckpointFormatException;
import dev.tlog.merkle.witness.AddCheckpointRequest;
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
 * The witness's add-checkpoint request body (C2SP tlog-witness, spec/witness.md) under garbage and
 * damaged input: the parser throws only {@link AddCheckpointFormatException}.
 */
@AddLifecycleHook(FuzzTries.class)
class AddCheckpointFuzzTest {
  private static final Ed25519NoteSigner SIGNER =
      new Ed25519NoteSigner("fuzz.example/log", new byte[32]);

  private FuzzTally tally;

  @Property(tries = 1500)
  void parseThrowsOnlyAddCheckpointFormatException(@ForAll("bodies") byte[] input) {
    tally =
        tally != null
            ? tally
            : new FuzzTally("witness/add-checkpoint body", AddCheckpointFormatException.class);
    tally.run(() -> AddCheckpointRequest.parse(input));
  }

  @AfterProperty
  void report() {
    if (tally != null) {
      tally.print();
    }
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<Hash> hash = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::of);
    Arbitrary<byte[]> valid =
        Combinators.combine(
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                hash.list().ofMaxSize(8),
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                hash)
            .as(
                (old, proof, size, root) ->
                    new AddCheckpointRequest(
                            old,
                            proof,
                            Checkpoints.sign(
                                new Checkpoint("fuzz.example/log", size, root, List.of()), SIGNER))
                        .toBytes());
    return Mutants.of(valid);
  }
}
