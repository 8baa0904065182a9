package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TilePathsProperties {
  @Property
  void roundTrips(@ForAll("tiles") TileRef tile) {
    assertEquals(tile, TilePaths.parse(TilePaths.format(tile)));
  }

  @Property(tries = 3000)
  void arbitraryStringsParseCanonicallyOrThrowTilePathException(@ForAll("pathLike") String s) {
    checkParse(s);
  }

  @Property(tries = 3000)
  void mutatedValidPathsParseCanonicallyOrThrowTilePathException(
      @ForAll("tiles") TileRef tile,
      @ForAll("pathChars") char c,
      @ForAll("positions") int pos,
      @ForAll("edits") int edit) {
    StringBuilder b = new StringBuilder(tile.path());
    int at = pos % (b.length() + 1);
    switch (edit) {
      case 0 -> b.insert(at, c);
      case 1 -> b.deleteCharAt(Math.min(at, b.length() - 1));
      default -> b.setCharAt(Math.min(at, b.length() - 1), c);
    }
    checkParse(b.toString());
  }

  // Either rejected with TilePathException, or accepted and then canonical: format gives it back.
  private static void checkParse(String s) {
    TileRef t;
    try {
      t = TilePaths.parse(s);
    } catch (TilePathException e) {
      return;
    }
    assertEquals(s, TilePaths.format(t));
  }

  @Provide
  Arbitrary<TileRef> tiles() {
    Arbitrary<Long> index =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 2000),
            Arbitraries.longs().between(0, TileId.MAX_INDEX),
            Arbitraries.of(0L, 999L, 1000L, 999_999L, 1_000_000L, TileId.MAX_INDEX));
    Arbitrary<Integer> width =
        Arbitraries.oneOf(Arbitraries.integers().between(1, 256), Arbitraries.just(256));
    Arbitrary<TileRef> hash =
        Combinators.combine(Arbitraries.integers().between(0, TileId.MAX_LEVEL), index, width)
            .as(TileId::new);
    Arbitrary<TileRef> entries = Combinators.combine(index, width).as(EntryBundleId::new);
    return Arbitraries.oneOf(hash, entries);
  }

  @Provide
  Arbitrary<String> pathLike() {
    Arbitrary<String> soup =
        Arbitraries.strings().withChars("tile/entrsx.p0123456789").ofMaxLength(40);
    Arbitrary<String> prefixed = soup.map(s -> "tile/" + s);
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(70), soup, prefixed);
  }

  @Provide
  Arbitrary<Character> pathChars() {
    return Arbitraries.chars().with("0123456789x/.ptile+-\u0663 ");
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 100);
  }

  @Provide
  Arbitrary<Integer> edits() {
    return Arbitraries.integers().between(0, 2);
  }
}
