package dev.tlog.merkle.tile;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class TileHashReaderProperties {
  @Property(tries = 60)
  void everyNodeFromTilesEqualsTheNaiveTree(@ForAll @LongRange(min = 0, max = 4000) long n) {
    TileHashReaderTest.checkTree(NaiveTileTree.ofSize(n));
  }
}
