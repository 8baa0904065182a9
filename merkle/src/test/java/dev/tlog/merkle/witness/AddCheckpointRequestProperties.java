package dev.tlog.merkle.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Note;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The add-checkpoint body parser: exact round trip, and garbage only ever gives a 400. */
class AddCheckpointRequestProperties {
  private static final Ed25519NoteSigner LOG = new Ed25519NoteSigner("log.test/p", new byte[32]);

  @Provide
  Arbitrary<AddCheckpointRequest> requests() {
    Arbitrary<Long> old = Arbitraries.longs().between(0, Long.MAX_VALUE);
    Arbitrary<List<Hash>> proof =
        Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::of).list().ofMaxSize(63);
    Arbitrary<Note> note =
        Combinators.combine(
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.bytes().array(byte[].class).ofSize(32),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .ofMinLength(1)
                    .ofMaxLength(20)
                    .list()
                    .ofMaxSize(3))
            .as(
                (size, root, ext) ->
                    Checkpoints.sign(new Checkpoint("log.test/p", size, Hash.of(root), ext), LOG));
    return Combinators.combine(old, proof, note).as(AddCheckpointRequest::new);
  }

  @Property(tries = 300)
  void roundTrips(@ForAll("requests") AddCheckpointRequest r) {
    byte[] body = r.toBytes();
    AddCheckpointRequest parsed = AddCheckpointRequest.parse(body);
    assertEquals(r, parsed);
    assertArrayEquals(body, parsed.toBytes());
  }

  @Property(tries = 1000)
  void randomBytesAreRejectedWith400Only(@ForAll @Size(max = 400) byte[] garbage) {
    parseOrReject(garbage);
  }

  @Property(tries = 1000)
  void mutatedBodiesParseOrAreRejectedWith400Only(
      @ForAll("requests") AddCheckpointRequest r,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll byte value,
      @ForAll boolean truncate) {
    byte[] body = r.toBytes();
    int at = position % body.length;
    byte[] mutated = truncate ? java.util.Arrays.copyOf(body, at) : body.clone();
    if (!truncate) {
      mutated[at] = value;
    }
    parseOrReject(mutated);
  }

  @Property(tries = 300)
  void textLikeGarbageIsRejectedWith400Only(@ForAll("textLike") String text) {
    parseOrReject(text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> textLike() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of("old 0", "old 5", "old 01", "old -1", "old 99999999999999999999", ""),
            Arbitraries.strings().withChars("ol d0123456789+/=AZaz—\u2014").ofMaxLength(48));
    return line.list().ofMaxSize(8).map(l -> String.join("\n", l) + "\n");
  }

  @Example
  void moreThan63ProofLinesIsRejected() {
    StringBuilder b = new StringBuilder("old 1\n");
    for (int i = 0; i < 64; i++) {
      b.append(Hash.ZERO.toBase64()).append('\n');
    }
    b.append('\n').append(Checkpoints.sign(new Checkpoint("o", 2, Hash.ZERO), LOG).serialize());
    AddCheckpointFormatException e =
        assertThrows(
            AddCheckpointFormatException.class,
            () -> AddCheckpointRequest.parse(b.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals("more than 63 consistency proof lines", e.getMessage());
  }

  private static void parseOrReject(byte[] body) {
    try {
      AddCheckpointRequest.parse(body);
    } catch (AddCheckpointFormatException expected) {
      // the one exception the parser may throw: HTTP 400
    }
  }
}
