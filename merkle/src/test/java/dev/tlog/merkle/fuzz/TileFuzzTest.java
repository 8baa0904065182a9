package dev.tlog.merkle.fuzz;

import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.HashTiles;
import dev.tlog.merkle.tile.TileFormatException;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TilePathException;
import dev.tlog.merkle.tile.TilePaths;
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
 * Tile paths, hash tiles and entry bundles (spec/tiles.md) under garbage and damaged input: paths
 * throw only {@link TilePathException}, tile and bundle bodies only {@link TileFormatException}.
 */
@AddLifecycleHook(FuzzTries.class)
class TileFuzzTest {
  private FuzzTally tally;

  @Property(tries = 1000)
  void pathsThrowOnlyTilePathException(@ForAll("paths") byte[] input) {
    tally = tally != null ? tally : new FuzzTally("tile/path", TilePathException.class);
    tally.run(() -> TilePaths.parse(new String(input, StandardCharsets.UTF_8)));
  }

  @Property(tries = 1000)
  void entryBundlesThrowOnlyTileFormatException(
      @ForAll("bundles") byte[] input, @ForAll("widths") int width) {
    tally = tally != null ? tally : new FuzzTally("tile/entry bundle", TileFormatException.class);
    tally.run(() -> EntryBundles.decode(input));
    tally.run(() -> EntryBundles.decode(new EntryBundleId(7, width), input));
  }

  @Property(tries = 1000)
  void hashTilesThrowOnlyTileFormatException(
      @ForAll("tiles") byte[] input, @ForAll("widths") int width) {
    tally = tally != null ? tally : new FuzzTally("tile/hash tile", TileFormatException.class);
    tally.run(() -> HashTiles.decode(input));
    tally.run(() -> HashTiles.decode(new TileId(1, 3, width), input));
  }

  @AfterProperty
  void report() {
    if (tally != null) {
      tally.print();
    }
  }

  @Provide
  Arbitrary<Integer> widths() {
    return Arbitraries.integers().between(1, 256);
  }

  @Provide
  Arbitrary<byte[]> paths() {
    List<String> seeds = Corpus.strings(s -> s.startsWith("tile/"), "tiles/paths.json");
    Arbitrary<byte[]> made =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 256),
                Arbitraries.integers().between(1, 256))
            .as(
                (level, index, width) ->
                    TilePaths.format(new TileId(level, index, width))
                        .getBytes(StandardCharsets.UTF_8));
    return Mutants.of(Arbitraries.oneOf(made, Corpus.bytes(seeds)));
  }

  @Provide
  Arbitrary<byte[]> bundles() {
    Arbitrary<byte[]> valid =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(20)
            .list()
            .ofMinSize(1)
            .ofMaxSize(20)
            .map(EntryBundles::encode);
    return Mutants.of(valid);
  }

  @Provide
  Arbitrary<byte[]> tiles() {
    return Mutants.of(Arbitraries.bytes().array(byte[].class).ofSize(32 * 5));
  }
}
