package dev.tlog.merkle.checkpoint;

import static org.junit.jupiter.api.Assertions.*;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.NoteArbitraries;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CheckpointProperties {
  @Provide
  Arbitrary<Checkpoint> checkpoints() {
    Arbitrary<String> line = NoteArbitraries.lines().filter(s -> !s.isEmpty());
    Arbitrary<Hash> roots = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::of);
    return Combinators.combine(
            line,
            Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(0L, Long.MAX_VALUE)),
            roots,
            line.list().ofMaxSize(3))
        .as(Checkpoint::new);
  }

  @Property
  void parseOfBodyIsIdentity(@ForAll("checkpoints") Checkpoint c) {
    assertEquals(c, Checkpoint.parse(c.toBody()));
  }

  @Property
  void mutatedBodiesOnlyThrowCheckpointFormatException(
      @ForAll("checkpoints") Checkpoint c,
      @ForAll @IntRange(min = 0, max = 10_000) int at,
      @ForAll @IntRange(min = 1, max = 0x7f) int xor) {
    char[] b = c.toBody().toCharArray();
    b[at % b.length] ^= (char) xor;
    String body = new String(b);
    try {
      assertEquals(body, Checkpoint.parse(body).toBody());
    } catch (CheckpointFormatException expected) {
      // The only permitted failure.
    }
  }

  @Property
  void randomStringsOnlyThrowCheckpointFormatException(@ForAll("bodyLike") String s) {
    try {
      assertEquals(s, Checkpoint.parse(s).toBody());
    } catch (CheckpointFormatException expected) {
      // The only permitted failure.
    }
  }

  @Provide
  Arbitrary<String> bodyLike() {
    return Arbitraries.strings().withChars("o0123456789\n+-=A/ \t").ofMaxLength(80);
  }

  @Property(tries = 100)
  void signedCheckpointsOpen(@ForAll("checkpoints") Checkpoint c) {
    Ed25519NoteSigner log = new Ed25519NoteSigner("log", new byte[32]);
    byte[] note = Checkpoints.sign(c, log).toBytes();
    assertEquals(c, Checkpoints.openSigned(note, c.origin(), List.of(log.verifier())));
  }
}
